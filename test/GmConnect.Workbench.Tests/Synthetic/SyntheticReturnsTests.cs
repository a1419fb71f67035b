using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Synthetic;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Synthetic;

public sealed class SyntheticReturnsTests
{
    private static SyntheticOptions Small(double errorRate = 0) => new()
    {
        FirstEndYear = 2022, LastEndYear = 2025, Scale = 1, ErrorRate = errorRate, Seed = 7,
        Authorities = [("Bury", 120), ("Trafford", 90)],
    };

    [Fact]
    public void Generate_CleanFromBefore2016_EveryYearValidatesWithoutErrors()
    {
        // Years before previous permanence was collected (1 April 2016) and adoptions near a year end included: the
        // default demo spans 2014/15–2024/25, and a clean return of any of those years must validate clean.
        var returns = SyntheticReturns.Generate(new SyntheticOptions
        {
            FirstEndYear = 2015, LastEndYear = 2025, Seed = 11, Authorities = [("Bolton", 300), ("Oldham", 200)],
        });

        var errors = Ssda903Validator.ValidateAll(returns).Where(r => r.Return.Year.EndYear > 2015).SelectMany(r => r.Errors).Select(e => e.Code).Distinct().ToList();

        Assert.Equal(22, returns.Count);
        Assert.Empty(errors);
    }

    [Fact]
    public void Generate_Clean_ValidatesWithoutErrorsWhereLastYearIsLoaded()
    {
        var returns = SyntheticReturns.Generate(Small());

        var results = Ssda903Validator.ValidateAll(returns);

        Assert.Equal(8, returns.Count);
        // The first year of each authority has no previous return, so only later years are expected to be clean.
        var errors = results.Where(r => r.Return.Year.EndYear > 2022).SelectMany(r => r.Errors).Select(e => e.Code).Distinct().ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Generate_WithErrorRate_BreaksAboutThatShareOfRows()
    {
        var returns = SyntheticReturns.Generate(Small(errorRate: 0.05));
        var rows = returns.Where(r => r.Year.EndYear > 2022).Sum(r => r.Tables.Sum(t => t.Count));

        var errors = Ssda903Validator.ValidateAll(returns).Where(r => r.Return.Year.EndYear > 2022).SelectMany(r => r.Errors).ToList();

        Assert.Contains(errors, e => e.Code is "101" or "103" or "141" or "144" or "146");
        var brokenRows = errors.Select(e => (e.Table, e.Row, e.Child)).Distinct().Count();
        Assert.InRange(brokenRows, rows * 0.02, rows * 0.2);
    }

    [Fact]
    public void Generate_Volumes_AreNearTheTargetLookedAfter()
    {
        var history = Ssda903History.Build(SyntheticReturns.Generate(Small()));

        var cla = Ssda903Measures.Compute(history).Single(v => v.Area == "GM" && v.Year.EndYear == 2025 && v.Measure == "cla_31_march").Value!.Value;

        Assert.InRange(cla, (120 + 90) * 0.6, (120 + 90) * 1.4);
    }
}
