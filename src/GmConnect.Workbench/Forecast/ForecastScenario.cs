namespace GmConnect.Workbench.Forecast;

/// <summary>
/// A change to the fitted rates: multipliers on entries, on exits from care, and on moves between placement
/// categories (optionally per "From→To" pair of categories). 1 leaves a rate as fitted. Outflows of a state are
/// scaled down if they would exceed 1 a day.
/// </summary>
public sealed record ForecastScenario(string Name, double EntryMultiplier = 1, double ExitMultiplier = 1, double MoveMultiplier = 1,
    IReadOnlyDictionary<string, double>? MoveMultipliers = null)
{
    /// <summary>The rates as fitted.</summary>
    public static ForecastScenario Baseline { get; } = new("baseline");

    /// <summary>The multiplier for moves from one category to another.</summary>
    public double Move(string from, string to) =>
        MoveMultipliers is not null && MoveMultipliers.TryGetValue(from + "→" + to, out var m) ? m : MoveMultiplier;
}
