using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Forecast;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Tests.Forecast;

public sealed class DemandModelTests
{
    private static Ssda903History History(int stayers, int leavers)
    {
        // Ten-year-olds in foster care since 2020; `leavers` of them leave on 01/10/2023 (half-way through the window).
        var r = new Ssda903Return("Oldham", new CollectionYear(2023));
        var h = new Ssda903Table(ReturnTable.Header);
        var e = new Ssda903Table(ReturnTable.Episodes);
        for (var i = 0; i < stayers + leavers; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            h.AddRow(id, "M", "01/01/2012", "WBRI", null, null, null);
            var leaves = i < leavers;
            e.AddRow(id, "01/01/2020", "S", "C2", "N1", "U4", "PR1", leaves ? "01/10/2023" : null, leaves ? "E4A" : null, null, null, null, null);
        }

        r.Set(h);
        r.Set(e);
        return Ssda903History.Build([r]);
    }

    [Fact]
    public void Fit_NoMovesNoEntries_ProjectionStaysFlat()
    {
        var model = DemandModel.Fit(History(10, 0).Children, new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31));

        var total = model.Project(2, [ForecastScenario.Baseline]).Where(v => v.Category == "All").ToList();

        Assert.Equal(10, model.StartTotal);
        Assert.All(total, v => Assert.Equal(10, v.Mean));
    }

    [Fact]
    public void Fit_ExitRate_IsExitsOverChildDays()
    {
        // 10 children at risk for the whole window except 2 who leave after 183 days: 8×366 + 2×183 child-days, 2 exits.
        var model = DemandModel.Fit(History(8, 2).Children, new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31));
        var rate = 2.0 / (8 * 366 + 2 * 183);

        var projected = model.Project(1, [ForecastScenario.Baseline]).Single(v => v.Category == "All");

        // Ten-year-olds age into the 10–15 band on 01/01/2022, before the window, so only the exit rate acts:
        // 8 × (1 − r)^365 after the 365 days to 31/03/2025.
        Assert.Equal(Math.Round(8 * Math.Pow(1 - rate, 365), 1), projected.Mean);
        Assert.True(projected.Lower < projected.Mean && projected.Mean < projected.Upper);
    }

    [Fact]
    public void Project_Scenarios_FewerExitsMeanMoreChildrenAndCost()
    {
        var history = History(8, 2);
        var model = DemandModel.Fit(history.Children, new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31));

        var values = model.Project(3, [ForecastScenario.Baseline, new ForecastScenario("fewer leave", ExitMultiplier: 0.5)]);
        var baseline = values.Single(v => v.Scenario == "baseline" && v.YearAhead == 3 && v.Category == "All");
        var fewer = values.Single(v => v.Scenario == "fewer leave" && v.YearAhead == 3 && v.Category == "All");

        Assert.True(fewer.Mean > baseline.Mean);
        Assert.True(fewer.CostOfYear > baseline.CostOfYear);
        Assert.Equal(5, values.Count(v => v.Scenario == "baseline" && v.YearAhead == 1)); // four categories and All
    }

    [Fact]
    public void Project_Cost_IsChildDaysTimesWeeklyCostOverSeven()
    {
        var model = DemandModel.Fit(History(10, 0).Children, new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31));

        var cost = model.Project(1, [ForecastScenario.Baseline], new PlacementCosts { Fostering = 700m }).Single(v => v.Category == "All").CostOfYear;

        Assert.Equal(10 * 365 * 100m, cost); // 10 foster children for the 365 days from 31/03/2024 at £100 a day
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(3, 200, 17)]
    [InlineData(255, 255, 255)]
    public void Step_OnlyInternalMoves_ConservesChildren(byte a, byte b, byte c)
    {
        var states = 20;
        var pop = new double[states];
        pop[0] = a;
        pop[5] = b;
        pop[10] = c;
        var moves = new double[states, states];
        moves[0, 5] = 0.01;
        moves[5, 10] = 0.02;
        moves[10, 0] = 0.03;
        var before = pop.Sum();
        for (var d = 0; d < 100; d++)
        {
            DemandModel.Step(pop, new double[states], moves, new double[states], new double[states]);
        }

        Assert.Equal(before, pop.Sum(), 6);
        Assert.All(pop, p => Assert.True(p >= 0));
    }
}
