using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Geography;

public sealed class PostcodeSectorsTests
{
    [Theory]
    [InlineData("M14 5XY", "M14 5")]
    [InlineData("m145xy", "M14 5")]
    [InlineData(" M14 5 ", "M14 5")]
    [InlineData("M145", "M14 5")]
    [InlineData("BL1 1AA", "BL1 1")]
    [InlineData("SK10 4AB", "SK10 4")]
    [InlineData("", null)]
    [InlineData("M14 X", null)]
    [InlineData("UNKNOWN", null)]
    [InlineData("14 5XY", null)]
    public void SectorOf_FullOrSectorPostcodes_GivesTheSector(string postcode, string? expected)
    {
        Assert.Equal(expected, PostcodeSectors.SectorOf(postcode));
    }

    [Fact]
    public void Shipped_KnowsGmSectorsOnly()
    {
        var sectors = PostcodeSectors.Shipped;
        Assert.Equal(437, sectors.Count);
        Assert.Equal("E08000001", sectors.Find("BL1 1AA")!.LocalAuthority);
        Assert.Equal("E08000010", sectors.Find("WN1 1")!.LocalAuthority);
        Assert.Null(sectors.Find("LL11 1AA")); // Wrexham: outside GM, not known here
    }

    [Fact]
    public void DistanceMiles_FollowsTheDfeFormula()
    {
        // BL1 1 (371745, 409206) to WN1 1 (358217, 405834): √(13528² + 3372²) = 13,942 m; / 1000 / 1.6093 = 8.66.
        var bolton = PostcodeSectors.Shipped.Find("BL1 1")!;
        var wigan = PostcodeSectors.Shipped.Find("WN1 1")!;
        Assert.Equal(8.7, PostcodeSectors.DistanceMiles(bolton, wigan));
        Assert.Equal(8.7, PostcodeSectors.DistanceMiles(wigan, bolton));
        Assert.Equal(0, PostcodeSectors.DistanceMiles(bolton, bolton));
    }

    [Theory]
    [InlineData("Bolton", "E08000001")]
    [InlineData("359", "E08000010")]
    [InlineData("e08000003", "E08000003")]
    [InlineData("LA001", null)]
    public void OnsCode_NameDfeOrOnsCode(string authority, string? expected)
    {
        Assert.Equal(expected, GmAuthorities.OnsCode(authority));
    }

    // A hand-made Bolton return: at 31 March 2025 P is placed in its home sector, W in Wigan 8.7 miles away,
    // X in Wrexham (not known here), and Y (placed in Bolton) has no home postcode.
    [Fact]
    public void Compute_PlacementLocationAndDistance_HandWorked()
    {
        var r = new Ssda903Return("Bolton", new CollectionYear(2024));
        var h = new Ssda903Table(ReturnTable.Header);
        foreach (var child in new[] { "P", "W", "X", "Y" })
        {
            h.AddRow(child, "M", "01/01/2015", "WBRI", null, null, null);
        }

        r.Set(h);
        var e = new Ssda903Table(ReturnTable.Episodes);
        e.AddRow("P", "01/01/2024", "S", "C2", "N1", "U4", "PR1", null, null, null, "BL1 1AA", "BL1 1AB", "SC000001");
        e.AddRow("W", "01/01/2024", "S", "C2", "N1", "U4", "PR1", null, null, null, "BL1 1AA", "WN1 1AB", "SC000002");
        e.AddRow("X", "01/01/2024", "S", "C2", "N1", "U4", "PR1", null, null, null, "BL1 1AA", "LL11 1AA", "SC000003");
        e.AddRow("Y", "01/01/2024", "S", "C2", "N1", "U4", "PR1", null, null, null, null, "BL1 1", "SC000004");
        r.Set(e);
        var values = Ssda903Measures.Compute(Ssda903History.Build([r]));
        double? Value(string measure, string category) =>
            values.SingleOrDefault(v => v.Area == "Bolton" && v.Measure == measure && v.Category == category)?.Value;

        Assert.Equal(2, Value("cla_placement_location", "inside_la")); // P, Y
        Assert.Equal(1, Value("cla_placement_location", "outside_la_in_gm")); // W
        Assert.Equal(1, Value("cla_placement_location", "not_known")); // X
        Assert.Equal(1, Value("cla_by_distance_band", "0-5")); // P: 0 miles
        Assert.Equal(1, Value("cla_by_distance_band", "5-10")); // W: 8.7 miles
        Assert.Equal(2, Value("cla_by_distance_band", "not_known")); // X, Y
        Assert.Equal(0, Value("cla_over_20_miles", "all")); // neither P nor W
        Assert.Null(Value("cla_by_distance_band", "20+"));
    }
}
