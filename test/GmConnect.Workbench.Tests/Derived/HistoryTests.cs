using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Tests.Measures;

namespace GmConnect.Workbench.Tests.Derived;

public sealed class HistoryTests
{
    private static Ssda903Return Year(int start, params string?[][] episodes)
    {
        var r = new Ssda903Return("LA", new CollectionYear(start));
        var t = new Ssda903Table(ReturnTable.Episodes);
        foreach (var e in episodes)
        {
            t.AddRow(e);
        }

        r.Set(t);
        return r;
    }

    private static string?[] Ep(string decom, string rne, string? dec, string? rec, string place = "U4") =>
        ["1", decom, rne, "C2", "N1", place, "PR1", dec, rec, null, null, null, null];

    [Fact]
    public void Build_SmallCase_ChainsPeriodsPlacementsAndSpells()
    {
        var history = Ssda903History.Build([SmallCase.Bolton()]);
        var f = history.Children.Single(c => c.Key == new ChildKey("Bolton", "F"));

        var period = Assert.Single(f.Periods);
        Assert.Equal(new DateOnly(2023, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2025, 2, 1), period.End);
        Assert.Equal("E11", period.Reason);
        Assert.Equal(["U4", "A5"], period.Placements.Select(p => p.Place));
        Assert.Equal(["C2", "E1"], period.LegalStatusSpells.Select(s => s.LegalStatus));
        var adoption = Assert.Single(f.Adoptions);
        Assert.Equal(new DateOnly(2024, 3, 1), adoption.CourtAuthority);
        Assert.Equal(new DateOnly(2024, 9, 1), adoption.PlacedForAdoption);
    }

    [Fact]
    public void Build_SameEpisodeInTwoYears_KeepsTheLatestSubmission()
    {
        var history = Ssda903History.Build([
            Year(2023, Ep("01/01/2024", "S", null, null)),
            Year(2024, Ep("01/01/2024", "S", "01/02/2025", "E4A")),
        ]);

        var e = Assert.Single(history.Children[0].Episodes);
        Assert.Equal(new DateOnly(2025, 2, 1), e.End);
        Assert.Null(e.Repair);
    }

    [Fact]
    public void Build_OpenEpisodeFollowedByContinuation_Rule1ClosesItWithX1()
    {
        var history = Ssda903History.Build([
            Year(2023, Ep("01/01/2024", "S", null, null)),
            Year(2024, Ep("01/06/2024", "P", null, null, "U6")),
        ]);

        var first = history.Children[0].Episodes[0];
        Assert.Equal(("RULE_1", new DateOnly(2024, 6, 1), "X1"), (first.Repair, first.End, first.Rec));
        Assert.Single(history.Children[0].Periods);
    }

    [Fact]
    public void Build_OpenEpisodeThenNewPeriod_Rule1AEndsItBeforeTheReEntry()
    {
        var history = Ssda903History.Build([
            Year(2023, Ep("01/01/2024", "S", null, null)),
            Year(2024, Ep("01/06/2024", "S", null, null)),
        ]);

        var first = history.Children[0].Episodes[0];
        Assert.Equal(("RULE_1A", new DateOnly(2024, 3, 31), "E99"), (first.Repair, first.End, first.Rec));
        Assert.Equal(2, history.Children[0].Periods.Count);
    }

    [Fact]
    public void Build_OpenEpisodeNeverSeenAgain_Rule2EndsItOnItsYearEnd()
    {
        var history = Ssda903History.Build([
            Year(2023, Ep("01/01/2024", "S", null, null)),
            Year(2024, ["2", "01/06/2024", "S", "C2", "N1", "U4", "PR1", null, null, null, null, null, null]),
        ]);

        var first = history.Children.Single(c => c.Key.Child == "1").Episodes[0];
        Assert.Equal(("RULE_2", new DateOnly(2024, 3, 31), "E99"), (first.Repair, first.End, first.Rec));
    }

    [Fact]
    public void Build_OverlapAndGap_Rules4And5MeetTheNextEpisode()
    {
        var history = Ssda903History.Build([
            Year(2024, Ep("01/05/2024", "S", "10/06/2024", "X1"), Ep("01/06/2024", "P", "20/06/2024", "X1", "U6"), Ep("01/07/2024", "P", null, null, "K2")),
        ]);

        var eps = history.Children[0].Episodes;
        Assert.Equal(("RULE_4", new DateOnly(2024, 6, 1)), (eps[0].Repair, eps[0].End));
        Assert.Equal(("RULE_5", new DateOnly(2024, 7, 1)), (eps[1].Repair, eps[1].End));
        Assert.Single(history.Children[0].Periods);
    }
}
