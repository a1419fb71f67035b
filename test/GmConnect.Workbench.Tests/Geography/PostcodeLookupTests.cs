using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Geography;

/// <summary>
/// The national postcode file and the placement fields derived from it (PL_LA, PL_LOCATION, PL_DISTANCE), as the
/// reference validator derives them. Every postcode file here is synthetic: made-up grid references, real code forms.
/// </summary>
public sealed class PostcodeLookupTests
{
    // NSPL-style (quoted cells, pcd with the 7-character spacing, more columns than used).
    private const string Nspl = """
        "pcd","pcd2","pcds","dointr","cty","laua","oseast1m","osnrth1m","ctry"
        "M1  1AA","M1  1AA","M1 1AA","198001","E99999999","E08000003","383800","398000","E92000001"
        "M2  2BB","M2  2BB","M2 2BB","198001","E99999999","E08000003","386800","402000","E92000001"
        "BB1 1AA","BB1 1AA","BB1 1AA","198001","E10000017","E07000117","368000","428000","E92000001"
        "EH1 1AA","EH1 1AA","EH1 1AA","198001","S99999999","S12000036","325000","673000","S92000003"
        "CF1 1AA","CF1 1AA","CF1 1AA","198001","W99999999","W06000015","318000","176000","W92000004"
        "BT1 1AA","BT1 1AA","BT1 1AA","198001","N99999999","N09000003","333000","374000","N92000002"
        "GY1 1AA","GY1 1AA","GY1 1AA","198001","L99999999","L99999999","","","L93000001"
        "NG1 1AA","NG1 1AA","NG1 1AA","198001","E99999999","E06000018","","","E92000001"
        """;

    [Theory]
    [InlineData("M2 2BB", "E08000003", "IN")]
    [InlineData("BB1 1AA", "E10000017", "OUT")] // a district in a county: the county is the upper tier
    [InlineData("EH1 1AA", "SCO", "OUT")]
    [InlineData("CF1 1AA", "WAL", "OUT")]
    [InlineData("BT1 1AA", "NIR", "OUT")]
    [InlineData("GY1 1AA", null, "OUT")] // the Channel Islands: no English or Welsh authority, still OUT
    [InlineData("ZZ9 9ZZ", null, null)] // not in the file
    public void Derive_PlacementPostcode_GivesLaAndLocationAsTheReference(string placed, string? la, string? location)
    {
        var fields = PlacementGeography.Derive(Episode("M1 1AA", placed), Lookup(Nspl), "E08000003");

        Assert.Equal(la, fields.La[0]);
        Assert.Equal(location, fields.Location[0]);
    }

    [Fact]
    public void Derive_TwoPostcodesWithGridReferences_GivesTheDfeDistance()
    {
        // ΔE = 3,000 m, ΔN = 4,000 m: 5 km / 1.6093 = 3.107 miles, 3.1 to one decimal place.
        var fields = PlacementGeography.Derive(Episode("M1 1AA", "M2 2BB"), Lookup(Nspl), "E08000003");

        Assert.Equal("3.1", fields.Distance[0]);
        Assert.Equal(3.1, fields.Miles(0));
    }

    [Theory]
    [InlineData(null, "M2 2BB")]
    [InlineData("M1 1AA", null)]
    [InlineData("NG1 1AA", "M2 2BB")] // in the file without a grid reference
    [InlineData("ZZ9 9ZZ", "M2 2BB")]
    public void Derive_AnEndWithoutAGridReference_HasNoDistance(string? home, string? placed)
    {
        var fields = PlacementGeography.Derive(Episode(home, placed), Lookup(Nspl), "E08000003");

        Assert.Null(fields.Distance[0]);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0.0)]
    [InlineData(383800, 398000, 386800, 402000, 3.1)]
    [InlineData(0, 0, 16093, 0, 10.0)]
    [InlineData(0, 0, 1529, 0, 1.0)] // 0.9501 miles
    [InlineData(0, 0, 1528, 0, 0.9)] // 0.9495 miles
    public void DistanceMiles_FollowsTheDfeFormulaBothWays(int e1, int n1, int e2, int n2, double miles)
    {
        Assert.Equal(miles, PostcodeLookup.DistanceMiles(e1, n1, e2, n2));
        Assert.Equal(miles, PostcodeLookup.DistanceMiles(e2, n2, e1, n1));
    }

    [Theory]
    [InlineData("m1 1aa")]
    [InlineData("M11AA")]
    [InlineData(" M1  1AA ")]
    public void Find_SpacesAndCase_AreIgnored(string postcode)
    {
        Assert.Equal("E08000003", Lookup(Nspl).Find(postcode)?.District);
    }

    [Fact]
    public void Load_CodePointOpenWithItsHeader_IsRead()
    {
        const string codePoint = """
            Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,Admin_ward_code
            "BB1 1AA",10,368000,428000,"E92000001","E19000001","E18000002","E10000017","E07000117","E05000001"
            "M1 1AA",10,383800,398000,"E92000001","E19000001","E18000002","","E08000003","E05000002"
            """;

        var lookup = Lookup(codePoint);

        Assert.Equal(new FullPostcode("E07000117", "E10000017", 368000, 428000), lookup.Find("BB1 1AA"));
        Assert.Equal("E08000003", lookup.Find("M1 1AA")?.UpperTier);
    }

    [Fact]
    public void Load_WithKeep_HoldsOnlyThosePostcodes()
    {
        var result = PostcodeLookup.Load(new StringReader(Nspl), "nspl.csv", new HashSet<string>(["M11AA", "EH11AA"], StringComparer.Ordinal));

        Assert.Equal(2, result.Value!.Count);
        Assert.Null(result.Value.Find("M2 2BB"));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("pcd,laua,oseast1m\n\"M1  1AA\",E08000003,383800", 1, "no osnrth1m column")]
    [InlineData("pcd,laua,oseast1m,osnrth1m\nM1 1AA,E08000003,383800,398000\nM2 2BB,E08000003,east,398000", 3, "oseast1m is not a whole number")]
    [InlineData("pcd,laua,oseast1m,osnrth1m\nM1 1AA,E08000003,383800", 2, "3 columns where the header has 4")]
    [InlineData("pcd,laua,oseast1m,osnrth1m\n\"M1 1AA,E08000003,383800,398000", 2, "not closed")]
    [InlineData("pcd,laua,oseast1m,osnrth1m\n,E08000003,383800,398000", 2, "postcode is blank")]
    public void Load_ABadFile_NamesTheFileLineAndProblem(string text, int line, string problem)
    {
        var result = PostcodeLookup.Load(new StringReader(text), "nspl.csv");

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("nspl.csv", line), (error.File, error.Line));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static PostcodeLookup Lookup(string text) =>
        PostcodeLookup.Load(new StringReader(text), "postcodes.csv") is { Value: { } lookup } ? lookup : throw new InvalidOperationException("bad test file");

    private static Ssda903Table Episode(string? home, string? placed)
    {
        var t = new Ssda903Table(ReturnTable.Episodes);
        t.Add(new Dictionary<string, string?> { ["CHILD"] = "1", ["HOME_POST"] = home, ["PL_POST"] = placed });
        return t;
    }
}
