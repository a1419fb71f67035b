namespace GmConnect.Identity.Linkage.Settings;

/// <summary>One level of a comparison, tried in order; the first level whose test passes is the pair's level.</summary>
public sealed record LevelSettings
{
    /// <summary>What the level tests.</summary>
    public required LevelKind Kind { get; init; }

    /// <summary>Label shown in explanations; defaults to a description of the test.</summary>
    public required string Label { get; init; }

    /// <summary>Similarity threshold (Jaro, Jaro–Winkler, Jaccard).</summary>
    public double Threshold { get; init; }

    /// <summary>Maximum distance or difference (edit distances, numeric levels).</summary>
    public double Max { get; init; }

    /// <summary>Minimum tokens in common (token overlap).</summary>
    public int Min { get; init; } = 1;

    /// <summary>Years or days for the date-window levels.</summary>
    public double Window { get; init; }

    /// <summary>Use character bigrams instead of words (Jaccard).</summary>
    public bool Bigrams { get; init; }

    /// <summary>The other comparison (swapped level).</summary>
    public string? With { get; init; }

    /// <summary>A pair at this level is never linked automatically, whatever its weight: it needs a person.</summary>
    public bool Veto { get; init; }

    /// <summary>
    /// With <see cref="Veto"/>: the veto does not hold when every one of these comparisons agrees exactly (two records
    /// alike in name, date of birth and address whose identifiers differ: one number is wrong, not the person).
    /// </summary>
    public IReadOnlyList<string>? VetoUnlessExact { get; init; }

    /// <summary>Fixed m probability; training leaves it alone when set.</summary>
    public double? FixedM { get; init; }

    /// <summary>Fixed u probability; training leaves it alone when set.</summary>
    public double? FixedU { get; init; }
}
