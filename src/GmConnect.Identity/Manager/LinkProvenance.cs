namespace GmConnect.Identity.Manager;

/// <summary>How a record came to be linked to its person.</summary>
/// <param name="Method">Automatic (the matcher), founding (first record of a new person), or a named reviewer.</param>
/// <param name="Score">Match probability of the deciding pair, for automatic links.</param>
/// <param name="ModelVersion">The linkage model's version, for automatic links.</param>
/// <param name="By">The steward or reviewer, for manual links.</param>
/// <param name="At">When (UTC).</param>
public sealed record LinkProvenance(LinkMethod Method, double? Score, string? ModelVersion, string? By, DateTimeOffset At);

/// <summary>How a link was made.</summary>
public enum LinkMethod
{
    /// <summary>The record founded a new person.</summary>
    Founding,

    /// <summary>The matcher linked it above the upper threshold.</summary>
    Automatic,

    /// <summary>The batch engine linked it during a bulk load.</summary>
    Batch,

    /// <summary>A reviewer or data steward linked it.</summary>
    Manual,
}
