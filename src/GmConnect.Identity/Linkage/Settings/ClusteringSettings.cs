namespace GmConnect.Identity.Linkage.Settings;

/// <summary>How scored pairs become clusters (see docs/adr/0003-clustering-without-chaining.md).</summary>
public sealed record ClusteringSettings
{
    /// <summary>Match probability at or above which a pair is a link.</summary>
    public double Threshold { get; init; } = 0.95;

    /// <summary>A merge is refused when any pair across the two clusters scores below this probability.</summary>
    public double RejectBelow { get; init; } = 0.01;

    /// <summary>Cross pairs scored when checking a merge; beyond this, only the first ones are checked.</summary>
    public int MaxCrossPairs { get; init; } = 2_500;

    /// <summary>
    /// When set, a record that links to two records which cannot be one person is ambiguous: its links to both are
    /// withheld unless one is stronger by at least this many log2 units (then only the weaker is). Null: off.
    /// </summary>
    public double? AmbiguityMargin { get; init; }

    /// <summary>Each source is free of duplicates: a cluster holds at most one record per source.</summary>
    public bool OneRecordPerSource { get; init; }

    /// <summary>
    /// Comparisons (by name) whose exact agreement puts two records in one household: the postcode, a phone number
    /// (ADR 0003, rule 12). A candidate pair below the threshold that agrees exactly on one of them counts as a rival in
    /// the ambiguity check of a record that lacks the value keeping the rival apart from its links. Empty: off. Needs
    /// <see cref="AmbiguityMargin"/>.
    /// </summary>
    public IReadOnlyList<string> HouseholdComparisons { get; init; } = [];

    /// <summary>Ages implied by the source of a record (ADR 0003, rule 11), or null: off.</summary>
    public SourceAgeSettings? SourceAges { get; init; }
}
