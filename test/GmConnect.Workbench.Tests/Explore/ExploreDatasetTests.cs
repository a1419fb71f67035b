using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Tests.Measures;

namespace GmConnect.Workbench.Tests.Explore;

/// <summary>The explorer's figures on the hand-worked small case: filters narrow the children or the categories, suppression follows the viewer.</summary>
public sealed class ExploreDatasetTests
{
    private static readonly CollectionYear Year = new(2024);

    private static ExploreDataset Dataset() => new([SmallCase.Bolton(), SmallCase.Bury()], "small-case");

    private static double? Figure(ExploreDataset data, ExploreFilter filter, string? viewer, string measure, string area = "Bolton", string category = "all") =>
        data.Measures(filter, viewer).Single(v => v.Area == area && v.Year == Year && v.Measure == measure && v.Category == category).Value;

    [Fact]
    public void Measures_NoFilterOwnViewer_MatchesTheHandWorkedCount()
    {
        // A, B and C are looked after at 31 March 2025 (D ceased, E was respite only, F was adopted).
        Assert.Equal(3, Figure(Dataset(), ExploreFilter.None, "Bolton", "cla_31_march"));
    }

    [Fact]
    public void Measures_FilterBySex_CountsOnlyThoseChildren()
    {
        Assert.Equal(2, Figure(Dataset(), new ExploreFilter(Sex: "F"), "Bolton", "cla_31_march"));
        Assert.Equal(1, Figure(Dataset(), new ExploreFilter(Sex: "M"), "Bolton", "cla_31_march"));
    }

    [Fact]
    public void Measures_FilterByAgeWhenFirstLookedAfter_CountsOnlyThoseChildren()
    {
        // A entered aged 2 (band 1-4) and is in care at 31 March; B entered aged 10, C aged 8.
        Assert.Equal(1, Figure(Dataset(), new ExploreFilter(EntryAgeBand: "1-4"), "Bolton", "cla_31_march"));
        Assert.Equal(1, Figure(Dataset(), new ExploreFilter(EntryAgeBand: "10-15"), "Bolton", "cla_31_march"));
    }

    [Fact]
    public void Measures_AnotherAuthoritysViewer_WithholdsSmallCounts()
    {
        var data = Dataset();

        Assert.Null(Figure(data, ExploreFilter.None, "Bury", "cla_31_march"));
        Assert.Null(Figure(data, ExploreFilter.None, null, "cla_31_march"));
        Assert.Equal(3, Figure(data, ExploreFilter.None, "bolton", "cla_31_march"));
    }

    [Fact]
    public void Measures_LegalStatusFilter_NarrowsThatBreakdownOnly()
    {
        var data = Dataset();
        var filter = new ExploreFilter(LegalStatus: "C2");

        var legal = data.Measures(filter, "Bolton").Where(v => v.Area == "Bolton" && v.Year == Year && v.Measure == "cla_by_legal_status").ToList();

        Assert.Equal(["C2"], legal.Select(v => v.Category));
        Assert.Equal(3, Figure(data, filter, "Bolton", "cla_31_march"));
        Assert.True(data.Measures(ExploreFilter.None, "Bolton").Count(v => v.Area == "Bolton" && v.Year == Year && v.Measure == "cla_by_legal_status") > 1);
    }

    [Fact]
    public void Drifters_OneChildInAnArea_WithheldFromOthersShownToTheAuthority()
    {
        var data = Dataset();

        var own = data.Drifters(ExploreFilter.None, "Bolton").Single(d => d.Area == "Bolton" && d.Cohort == "all");
        var other = data.Drifters(ExploreFilter.None, null).Single(d => d.Area == "Bolton" && d.Cohort == "all");

        Assert.Equal(1, own.Children);
        Assert.Null(other.Children);
        Assert.Null(other.StillInCareAfter2Years);
    }

    [Fact]
    public void Measures_SameFilterTwice_ComputedOnce()
    {
        var data = Dataset();

        var first = data.Measures(new ExploreFilter(Sex: "F"), "Bolton");
        var second = data.Measures(new ExploreFilter(Sex: "F", LegalStatus: "C2"), "Bolton");

        Assert.Equal(first.Where(v => v.Measure == "cla_31_march"), second.Where(v => v.Measure == "cla_31_march"));
    }

    [Theory]
    [InlineData("WBRI", "white")]
    [InlineData("MWBC", "mixed")]
    [InlineData("CHNE", "asian")]
    [InlineData("APKN", "asian")]
    [InlineData("BAFR", "black")]
    [InlineData("OOTH", "other")]
    [InlineData("REFU", "unknown")]
    [InlineData(null, "unknown")]
    public void GroupOf_EthnicCode_GivesItsGroup(string? code, string group) => Assert.Equal(group, ExploreFilter.GroupOf(code));

    [Fact]
    public void Catalogue_EveryMeasureComputed_HasAnEntry()
    {
        var names = Dataset().Measures(ExploreFilter.None, "Bolton").Select(v => v.Measure).Distinct();

        Assert.All(names, n => Assert.NotNull(MeasureCatalogue.Find(n)));
    }
}
