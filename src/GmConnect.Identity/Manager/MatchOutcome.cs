namespace GmConnect.Identity.Manager;

/// <summary>What real-time matching did with one submitted record.</summary>
/// <param name="Key">The record.</param>
/// <param name="Decision">What happened.</param>
/// <param name="PersonId">The person it is now linked to.</param>
/// <param name="Score">Probability of the best candidate pair, when there was one.</param>
/// <param name="ReviewTaskId">The review task opened, for <see cref="MatchDecision.ReviewOpened"/>.</param>
public sealed record MatchOutcome(SourceRecordKey Key, MatchDecision Decision, string PersonId, double? Score, long? ReviewTaskId)
{
    /// <summary>Whether the record was new to the index (its first version); false for a changed or unchanged record.</summary>
    public bool Created { get; init; }
}

/// <summary>The outcome of matching one record.</summary>
public enum MatchDecision
{
    /// <summary>Same content as the stored version: nothing changed.</summary>
    Unchanged,

    /// <summary>Above the upper threshold: linked to an existing person.</summary>
    LinkedAutomatically,

    /// <summary>Between the thresholds: founded its own person for now and opened a review task.</summary>
    ReviewOpened,

    /// <summary>Below the lower threshold (or no candidate): founded a new person.</summary>
    NewPerson,

    /// <summary>A changed record that still belongs with its person.</summary>
    UpdatedInPlace,
}
