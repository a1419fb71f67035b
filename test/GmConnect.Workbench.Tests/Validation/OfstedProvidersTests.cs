using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>Ofsted's provider lists as CSV (synthetic rows in the lists' public column layouts).</summary>
public sealed class OfstedProvidersTests
{
    [Fact]
    public void Load_ChildrensHomesLayout_ReadsCodesDatesAndPostcode()
    {
        const string homes = """
            URN,Local Authority,Provider Code,Provider Placement Code,Closed Date,Setting Postcode
            SC100001,Manchester,PR4/PR5,K2/R3,31/01/2025,m1 1aa
            sc100002,Bolton,PR1,K2,,BL1 1AA
            """;

        var providers = OfstedProviders.Load(new StringReader(homes), "homes.csv").Value!;

        var first = Assert.Single(providers.Find("SC100001"));
        Assert.Equal(["K2", "R3"], first.PlacementCodes);
        Assert.Equal(["PR4", "PR5"], first.ProviderCodes);
        Assert.Equal(new DateOnly(2025, 1, 31), first.RegistrationEnd);
        Assert.Equal("M11AA", first.Postcode);
        Assert.Null(Assert.Single(providers.Find(" sc100002 ")).RegistrationEnd);
        Assert.Empty(providers.Find("SC999999"));
    }

    [Fact]
    public void Load_SocialCareProvidersLayout_KeepsEveryRowOfAUrn()
    {
        const string list = """
            URN,Provider type,Placement code,Placement provider code,Deregistration date,Setting address postcode
            SC200001,Independent Fostering Agency,"U4, U5, U6",PR3,2024-06-30,M2 2BB
            SC200001,Independent Fostering Agency,"U4, U5, U6",PR3,,M2 2BB
            ,Blank URN row,U4,PR3,,M2 2BB
            """;

        var providers = OfstedProviders.Load(new StringReader(list), "scp.csv").Value!;

        Assert.Equal(1, providers.Count);
        Assert.Equal(2, providers.Find("SC200001").Count);
        Assert.Equal(["U4", "U5", "U6"], providers.Find("SC200001")[0].PlacementCodes);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("URN,Placement code,Setting address postcode\nSC1,U4,M1 1AA", 1, "no Placement provider code column")]
    [InlineData("URN,Placement code,Placement provider code,Deregistration date,Setting address postcode\nSC1,U4,PR1,,M1 1AA\nSC2,U4,PR1,31/02/2024,M1 1AA", 3, "not a date")]
    [InlineData("URN,Placement code,Placement provider code,Setting address postcode\nSC1,U4,PR1", 2, "3 columns where the header has 4")]
    public void Load_ABadFile_NamesTheFileLineAndProblem(string text, int line, string problem)
    {
        var result = OfstedProviders.Load(new StringReader(text), "ofsted.csv");

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("ofsted.csv", line), (error.File, error.Line));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
