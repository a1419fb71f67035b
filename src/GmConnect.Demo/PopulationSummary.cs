namespace GmConnect.Demo;

/// <summary>
/// What a run generated, as written to <c>summary.json</c>: counts only, no personal data.
/// </summary>
public sealed record PopulationSummary
{
    /// <summary>Version of this summary's shape.</summary>
    public int FormatVersion { get; init; } = 1;

    public required int People { get; init; }

    public required long Households { get; init; }

    public required int Seed { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>All source records written (the rows of every <c>records-*.csv</c>, and of <c>truth.csv</c>).</summary>
    public required long Records { get; init; }

    /// <summary>Records per source kind (gp, acute, police, school, dwp, socialcare, housing, victim).</summary>
    public required IReadOnlyDictionary<string, long> RecordsBySource { get; init; }

    /// <summary>Per error type: its rate, how many records could have had it, how many did.</summary>
    public required IReadOnlyDictionary<string, ErrorCount> Errors { get; init; }

    /// <summary>Realism features built into the population (twin pairs, fathers and sons with one name, …).</summary>
    public required IReadOnlyDictionary<string, long> Features { get; init; }

    /// <summary>The files written, relative to the output directory.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
