namespace GmConnect.Demo;

/// <summary>What to generate. The same options always give byte-identical files.</summary>
public sealed record PopulationOptions
{
    /// <summary>How many people. Default 10,000.</summary>
    public int People { get; init; } = 10_000;

    /// <summary>The seed; each seed gives a different population. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Error rates. Default <see cref="ErrorRates.Default"/>.</summary>
    public ErrorRates Rates { get; init; } = ErrorRates.Default;

    /// <summary>
    /// The date the population is "as at": ages and record dates count back from it. Fixed
    /// (not today) so that output does not depend on when it is run. Default 2025-06-30.
    /// </summary>
    public DateOnly AsOf { get; init; } = new(2025, 6, 30);

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(People);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(People, 50_000_000);
        ArgumentNullException.ThrowIfNull(Rates);
        Rates.Validate();
    }
}
