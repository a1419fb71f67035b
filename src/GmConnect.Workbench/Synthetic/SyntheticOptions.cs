namespace GmConnect.Workbench.Synthetic;

/// <summary>Options for <see cref="SyntheticReturns"/>, with documented defaults.</summary>
public sealed class SyntheticOptions
{
    /// <summary>First collection year, by its end year (2015 = 2014/15). Default 2015.</summary>
    public int FirstEndYear { get; init; } = 2015;

    /// <summary>Last collection year, by its end year. Default 2025 (2024/25).</summary>
    public int LastEndYear { get; init; } = 2025;

    /// <summary>Multiplies every authority's size (1 ≈ 8,000 children looked after across GM). Default 1.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Share of rows given one deliberately invalid value (0–1). Default 0.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Random seed, so that a run can be repeated. Default 903.</summary>
    public int Seed { get; init; } = 903;

    /// <summary>Authorities and their approximate number looked after at 31 March. Default: the ten GM authorities.</summary>
    public IReadOnlyList<(string Authority, int LookedAfter)> Authorities { get; init; } =
    [
        ("Bolton", 800), ("Bury", 480), ("Manchester", 1650), ("Oldham", 800), ("Rochdale", 750),
        ("Salford", 850), ("Stockport", 500), ("Tameside", 900), ("Trafford", 470), ("Wigan", 800),
    ];

    /// <summary>
    /// <paramref name="count"/> made-up authorities (LA001…) sharing about 80,000 children looked after, as England
    /// has: for national-scale benchmarks.
    /// </summary>
    public static IReadOnlyList<(string Authority, int LookedAfter)> National(int count) =>
        Enumerable.Range(1, count).Select(i => ($"LA{i:000}", 80_000 / count * (50 + (i * 37 % 100)) / 100)).ToList();

    /// <summary>Throws when an option is out of range.</summary>
    public SyntheticOptions Validate()
    {
        if (LastEndYear < FirstEndYear || FirstEndYear < 2000 || LastEndYear > 2030)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstEndYear), "Years must run forwards between 2000 and 2030.");
        }

        if (ErrorRate is < 0 or > 1 || Scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorRate), "ErrorRate must lie in [0, 1] and Scale be positive.");
        }

        return this;
    }
}
