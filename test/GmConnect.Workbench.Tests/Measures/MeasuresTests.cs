using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Measures;

public sealed class MeasuresTests
{
    private static readonly IReadOnlyList<MeasureValue> Values = Ssda903Measures.Compute(Ssda903History.Build([SmallCase.Bolton(), SmallCase.Bury()]));

    private static double? Value(string area, string measure, string category = "all") =>
        Values.Single(v => v.Area == area && v.Measure == measure && v.Category == category).Value;

    // Expected values were worked out by hand from the episodes in SmallCase.
    [Theory]
    [InlineData("cla_31_march", "all", 3)] // A, B, C (D ceased, E respite, F adopted)
    [InlineData("started", "all", 1)] // A; E is respite
    [InlineData("ceased", "all", 2)] // D, F
    [InlineData("ceased_by_reason", "returned_home", 1)]
    [InlineData("ceased_by_reason", "adopted", 1)]
    [InlineData("ceased_median_duration_days", "all", 578)] // D 394 days, F 762 days
    [InlineData("cla_by_placement", "U6", 2)]
    [InlineData("cla_by_placement", "U4", 1)]
    [InlineData("cla_by_placement_category", "Fostering", 3)]
    [InlineData("cla_by_legal_status", "C2", 2)]
    [InlineData("cla_by_legal_status", "C1", 1)]
    [InlineData("started_by_age", "1-4", 1)] // A entered aged 2
    [InlineData("stability_3plus_placements", "all", 33.3)] // B: U4, K2, U6; A's temporary T1 and return do not count
    [InlineData("stability_long_term", "all", 50)] // B and C qualify; only C has 2 years in one placement
    [InlineData("missing_children", "all", 1)]
    [InlineData("missing_incidents", "all", 2)]
    [InlineData("away_children", "all", 1)]
    [InlineData("missing_children_percent", "all", 20)] // 1 of A, B, C, D, F looked after in the year
    [InlineData("adopted", "all", 1)]
    [InlineData("adoption_a1_days", "all", 609)] // 01/01/2023 → placed 01/09/2024
    [InlineData("adoption_a10_days", "all", 0)] // adopted by the foster carer she lived with from entry
    [InlineData("adoption_a2_days", "all", 153)] // placement order 01/03/2024 → match 01/08/2024
    [InlineData("uasc_31_march", "all", 0)]
    public void Compute_HandWorkedCase_Bolton(string measure, string category, double expected)
    {
        Assert.Equal(expected, Value("Bolton", measure, category)!.Value, 1);
    }

    [Fact]
    public void Compute_Rate_UsesOnsChildrenAged0To17()
    {
        // Bolton's latest shipped estimate at or before mid-2024 is 2020: 68,931 children aged 0–17.
        Assert.Equal(Math.Round(3 * 10000.0 / 68931, 1), Value("Bolton", "cla_rate_per_10000"));
    }

    [Fact]
    public void Compute_Gm_AddsAuthoritiesAndKeepsTheirChildrenApart()
    {
        Assert.Equal(4, Value(Ssda903Measures.GreaterManchester, "cla_31_march"));
        Assert.Equal(1, Value("Bury", "cla_31_march"));
        Assert.Equal(Math.Round(4 * 10000.0 / (68931 + 43180), 1), Value(Ssda903Measures.GreaterManchester, "cla_rate_per_10000"));
    }

    [Fact]
    public void Suppression_OtherAuthoritiesSmallNumbers_AreWithheld()
    {
        var shown = Suppression.Apply(Values, viewer: "Bolton");

        Assert.Equal(3, shown.Single(v => v.Area == "Bolton" && v.Measure == "cla_31_march").Value);
        Assert.True(shown.Single(v => v.Area == "Bury" && v.Measure == "cla_31_march").Suppressed);
        Assert.Equal(0, shown.Single(v => v.Area == "Bury" && v.Measure == "uasc_31_march").Value);
    }

    [Fact]
    public void WriteCsv_Suppressed_ShowsC()
    {
        using var writer = new StringWriter();
        MeasureWriter.WriteCsv(Suppression.Apply(Values, viewer: null).Where(v => v.Area == "Bury" && v.Measure == "cla_31_march"), writer);

        Assert.Equal("area,year,measure,category,kind,value,base\nBury,2024/25,cla_31_march,all,Count,c,c\n", writer.ToString().ReplaceLineEndings("\n"));
    }
}
