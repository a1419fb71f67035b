using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

public sealed class RuleTests
{
    public static TheoryData<string> CaseIds => new(RuleCases.All.Select(RuleCases.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Validate_TargetedFixture_ReportsRuleOnTheBrokenRow(string id)
    {
        var c = RuleCases.Get(id);
        var current = new ReturnBuilder(c.StartYear);
        c.Break(current);
        var previous = Previous(c, broken: true);

        var errors = Ssda903Validator.Validate(current.Build(), previous, lookups: c.Lookups ?? TestLookups.Standard);

        Assert.Contains(errors, e => e.Code == c.Code && e.Table == c.Table && e.Row == c.Row);
        Assert.All(errors.Where(e => e.Code == c.Code), e => Assert.NotEmpty(e.Fields));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Validate_CleanReturn_DoesNotReportRule(string id)
    {
        var c = RuleCases.Get(id);
        var errors = Ssda903Validator.Validate(new ReturnBuilder(c.StartYear).Build(), Previous(c, broken: false), lookups: c.Lookups ?? TestLookups.Standard);

        Assert.DoesNotContain(errors, e => e.Code == c.Code);
    }

    [Theory]
    [InlineData(2015, "01/06/2015", false)]
    [InlineData(2016, "01/06/2016", true)]
    public void Validate_StartWithoutPreviousPermanence_Rule630OnlyFromApril2016(int startYear, string decom, bool flagged)
    {
        // Previous permanence was first collected for starts from 1 April 2016: an older year's start without it is
        // not an error (the synthetic 2014/15 and 2015/16 returns carry no PrevPerm, like the real ones).
        var b = new ReturnBuilder(startYear).Set(ReturnTable.Episodes, 0, "DECOM", decom).Clear(ReturnTable.PrevPerm);

        var errors = Ssda903Validator.Validate(b.Build(), previous: null);

        Assert.Equal(flagged, errors.Any(e => e.Code == "630" && e.Table == ReturnTable.Episodes && e.Row == 0));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("chain")]
    [InlineData("adopted")]
    [InlineData("leaver")]
    [InlineData("with-previous")]
    public void Validate_CleanFixtureVariants_ReportNothing(string variant)
    {
        var b = new ReturnBuilder();
        Ssda903Return? previous = null;
        switch (variant)
        {
            case "chain":
                RuleCases.Chain(b);
                break;
            case "adopted":
                RuleCases.Adopted(b);
                break;
            case "leaver":
                RuleCases.Leaver(b);
                break;
            case "with-previous":
                previous = new ReturnBuilder(2023).Build();
                break;
        }

        var errors = Ssda903Validator.Validate(b.Build(), previous, lookups: TestLookups.Standard);

        Assert.Empty(errors.Select(e => $"{e.Code}@{e.Table}:{e.Row}"));
    }

    [Theory]
    [InlineData("01/04/2007", "20", "189")]
    [InlineData("01/04/2007", "", "")]
    [InlineData("02/04/2007", "", "197B")]
    public void Validate_SeventeenthBirthdayOnTheFirstDay_Is189sNot197Bs(string dob, string score, string expected)
    {
        var b = new ReturnBuilder();
        b.Set(ReturnTable.Header, 0, "DOB", dob).Set(ReturnTable.OC2, 0, "DOB", dob).Set(ReturnTable.OC2, 0, "SDQ_SCORE", score.Length == 0 ? null : score);

        var codes = Ssda903Validator.Validate(b.Build(), null, ["189", "197B"]).Select(e => e.Code).ToArray();

        Assert.Equal(expected.Length == 0 ? [] : new[] { expected }, codes);
    }

    [Theory]
    [InlineData(2023, "M2 2BB", "01/11/2023", true)]
    [InlineData(2023, "M2 2BB", "28/10/2023", false)]
    [InlineData(2023, "EH1 1AA", null, false)]
    [InlineData(2023, "CF10 1AA", null, false)]
    [InlineData(2023, "GU1 1AA", null, true)]
    [InlineData(2022, "M2 2BB", null, false)]
    public void Validate_H5WithoutUrn_Rule230OnlyInEnglandFrom29October2023(int startYear, string postcode, string? dec, bool flagged)
    {
        // A return carries no PL_LA, so the placement postcode's area tells a placement outside England; and the
        // requirement began on 29 October 2023, so an older year's open H5 episode is not judged.
        var b = new ReturnBuilder(startYear);
        b.Set(ReturnTable.Episodes, 0, "PLACE", "H5").Set(ReturnTable.Episodes, 0, "URN", null).Set(ReturnTable.Episodes, 0, "PL_POST", postcode);
        if (dec is not null)
        {
            b.Set(ReturnTable.Episodes, 0, "DEC", dec).Set(ReturnTable.Episodes, 0, "REC", "E4A");
        }

        var errors = Ssda903Validator.Validate(b.Build(), null);

        Assert.Equal(flagged, errors.Any(e => e.Code == "230" && e.Table == ReturnTable.Episodes && e.Row == 0));
    }

    [Theory]
    [InlineData("M2 2BB", true)]
    [InlineData("LL11 1AA", false)]
    [InlineData("G1 1AA", false)]
    [InlineData("BT1 1AA", false)]
    [InlineData("JE2 3AB", false)]
    [InlineData("GU1 1AA", true)]
    [InlineData("SY1 1AA", true)]
    public void Validate_NoUrn_Rule218OnlyForPlacementsInEngland(string postcode, bool flagged)
    {
        // Wales, Scotland, Northern Ireland and the Crown dependencies register no Ofsted URN; a border area counts as England.
        var b = new ReturnBuilder();
        b.Set(ReturnTable.Episodes, 0, "URN", null).Set(ReturnTable.Episodes, 0, "PL_POST", postcode);

        var errors = Ssda903Validator.Validate(b.Build(), null);

        Assert.Equal(flagged, errors.Any(e => e.Code == "218" && e.Table == ReturnTable.Episodes && e.Row == 0));
    }

    [Fact]
    public void RuleCases_EveryImplementedRule_HasATargetedFixture()
    {
        var tested = RuleCases.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var implemented = Ssda903Validator.ImplementedCodes(new CollectionYear(2024)).Concat(Ssda903Validator.ImplementedCodes(new CollectionYear(2023)));

        Assert.Empty(implemented.Where(code => !tested.Contains(code)).Distinct());
    }

    [Fact]
    public void DefinedRules_EveryCode_IsInTheDfECatalogueOfAYearItAppliesTo()
    {
        var missing = Ssda903Validator.DefinedRules()
            .Where(r => !RuleCatalogue.Years.Any(y => y.StartYear >= r.FromYear && y.StartYear <= r.ToYear && RuleCatalogue.For(y).ContainsKey(r.Code)))
            .Select(r => r.Code).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void ImplementedCodes_CountsPerYear_AreReported()
    {
        // 2024/25 drops 217t, 230 and 370 and adds SW15 and SW16a–c; the counts move accordingly.
        var y2324 = Ssda903Validator.ImplementedCodes(new CollectionYear(2023));
        var y2425 = Ssda903Validator.ImplementedCodes(new CollectionYear(2024));

        Assert.Contains("SW15STG2", y2425);
        Assert.DoesNotContain("SW15STG2", y2324);
        Assert.Equal(311, y2324.Count);
        Assert.Equal(312, y2425.Count);
    }

    private static Ssda903Return? Previous(RuleCase c, bool broken)
    {
        if (c.BreakPrevious is null)
        {
            return null;
        }

        var p = new ReturnBuilder(2023);
        if (broken)
        {
            c.BreakPrevious(p);
        }

        return p.Build();
    }
}
