namespace GmConnect.Identity.Linkage.Settings;

/// <summary>How m, u and the prior are estimated.</summary>
public sealed record TrainingSettings
{
    /// <summary>Seed for every random choice; the same seed gives the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Random pairs sampled to estimate u.</summary>
    public int UMaxPairs { get; init; } = 1_000_000;

    /// <summary>Maximum EM iterations per training session.</summary>
    public int EmMaxIterations { get; init; } = 100;

    /// <summary>EM stops when no parameter moves by more than this.</summary>
    public double EmTolerance { get; init; } = 1e-5;

    /// <summary>Blocking rules used as EM training sessions (indices into the blocking rules); null means all.</summary>
    public IReadOnlyList<int>? EmBlockingRules { get; init; }

    /// <summary>A fixed prior probability that two random records match; null means estimate it.</summary>
    public double? ProbabilityTwoRandomRecordsMatch { get; init; }
}
