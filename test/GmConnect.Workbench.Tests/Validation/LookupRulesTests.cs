using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>The rules that need the postcode file or Ofsted's lists: not run without them, and said so.</summary>
public sealed class LookupRulesTests
{
    private static readonly string[] PostcodeRules = ["1015", "164", "169", "179", "392a", "392c", "406", "411", "420", "452", "453", "503G", "503H", "503J"];
    private static readonly string[] OfstedRules = ["1008", "219", "221", "224", "227", "228", "229"];

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void NotRun_WithoutLookups_NamesThe21RulesAndWhy(int startYear)
    {
        var notRun = Ssda903Validator.NotRun(new ReturnBuilder(startYear).Build());

        Assert.Equal(PostcodeRules.Concat(OfstedRules).Order(StringComparer.Ordinal), notRun.Select(n => n.Code));
        Assert.All(notRun.Where(n => PostcodeRules.Contains(n.Code)), n => Assert.Equal(NotRunReasons.NoPostcodes, n.Reason));
        Assert.All(notRun.Where(n => OfstedRules.Contains(n.Code)), n => Assert.Equal(NotRunReasons.NoProviders, n.Reason));
    }

    [Fact]
    public void NotRun_WithBothLookups_IsEmpty()
    {
        Assert.Empty(Ssda903Validator.NotRun(new ReturnBuilder().Build(), TestLookups.Standard));
    }

    [Fact]
    public void NotRun_OfstedListsWithoutThePostcodeFile_Leaves229Out()
    {
        var notRun = Ssda903Validator.NotRun(new ReturnBuilder().Build(), new ValidationLookups(Providers: TestLookups.Providers(), AuthorityCode: TestLookups.Authority));

        Assert.Equal(PostcodeRules.Append("229").Order(StringComparer.Ordinal), notRun.Select(n => n.Code));
    }

    [Fact]
    public void NotRun_PostcodesForAnAuthorityNotKnown_NeedsItsCode()
    {
        var notRun = Ssda903Validator.NotRun(new ReturnBuilder().Build("Somewhere"), new ValidationLookups(Postcodes: TestLookups.Postcodes()));

        Assert.All(notRun.Where(n => n.Code != "229" && PostcodeRules.Contains(n.Code) && n.Code != "392c"), n => Assert.Equal(NotRunReasons.NoAuthority, n.Reason));
        Assert.DoesNotContain(notRun, n => n.Code == "392c");
    }

    [Fact]
    public void Validate_ABrokenReturnWithoutLookups_ReportsNoneOfTheLookupRules()
    {
        var b = new ReturnBuilder();
        b.Set(ReturnTable.Episodes, 0, "PL_POST", "ZZ9 9ZZ").Set(ReturnTable.Episodes, 0, "URN", "SC999999");

        var without = Ssda903Validator.Validate(b.Build());
        var with = Ssda903Validator.Validate(b.Build(), lookups: TestLookups.Standard);

        Assert.DoesNotContain(without, e => PostcodeRules.Contains(e.Code) || OfstedRules.Contains(e.Code));
        Assert.Contains(with, e => e.Code == "392c");
        Assert.Contains(with, e => e.Code == "1008");
    }

    [Fact]
    public void Validate_TheAuthorityByGmName_DerivesLocationWithoutACode()
    {
        var b = new ReturnBuilder();
        b.Set(ReturnTable.Episodes, 0, "PLACE", "K2").Set(ReturnTable.Episodes, 0, "PL_POST", "BL1 1AA");
        var lookups = new ValidationLookups(Postcodes: TestLookups.Postcodes());

        var manchester = Ssda903Validator.Validate(b.Build("Manchester"), lookups: lookups);
        var bolton = Ssda903Validator.Validate(b.Build("Bolton"), lookups: lookups);

        Assert.Contains(manchester, e => e.Code == "1015"); // own provision placed in Bolton
        Assert.DoesNotContain(bolton, e => e.Code == "1015");
    }

    [Theory]
    [InlineData(2023, true)]
    [InlineData(2024, false)]
    public void Validate_SupportedAccommodationAtAnotherPostcode_Rule221To2023Only(int startYear, bool flagged)
    {
        // The reference's 2023/24 rule checks H5 placements' postcodes too; its 2024/25 rule does not.
        var b = new ReturnBuilder(startYear);
        b.Set(ReturnTable.Episodes, 0, "PLACE", "H5").Set(ReturnTable.Episodes, 0, "PL_POST", "M4 4DD");

        var errors = Ssda903Validator.Validate(b.Build(), lookups: TestLookups.Standard, only: ["221"]);

        Assert.Equal(flagged, errors.Any(e => e.Code == "221"));
    }

    [Theory]
    [InlineData("M4 4DD", true)]
    [InlineData("CF1 1AA", false)] // Wales by the postcode file's district
    [InlineData("GY1 1AA", false)] // Guernsey
    public void Validate_NoUrnWithThePostcodeFile_Rule218JudgesEnglandByTheDerivedLa(string postcode, bool flagged)
    {
        var b = new ReturnBuilder();
        b.Set(ReturnTable.Episodes, 0, "URN", null).Set(ReturnTable.Episodes, 0, "PL_POST", postcode);

        var errors = Ssda903Validator.Validate(b.Build(), lookups: TestLookups.Standard, only: ["218"]);

        Assert.Equal(flagged, errors.Any(e => e.Code == "218"));
    }
}
