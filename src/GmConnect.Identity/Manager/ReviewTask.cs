namespace GmConnect.Identity.Manager;

/// <summary>An uncertain pair for a data steward: the new record, the candidate it might be, and the explanation.</summary>
/// <param name="Id">Task id.</param>
/// <param name="Record">The record that was between the thresholds.</param>
/// <param name="Candidate">The best candidate record (of another person).</param>
/// <param name="Probability">Match probability of the pair.</param>
/// <param name="ExplanationJson">The match-weight waterfall (the linkage engine's explanation JSON).</param>
/// <param name="OpenedAt">When it was opened (UTC).</param>
/// <param name="Status">Open or decided.</param>
/// <param name="Decision">The decision, once made.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When (UTC).</param>
/// <param name="Reason">The reviewer's reason.</param>
public sealed record ReviewTask(
    long Id,
    LinkedRecord Record,
    LinkedRecord Candidate,
    double Probability,
    string ExplanationJson,
    DateTimeOffset OpenedAt,
    ReviewStatus Status,
    ReviewDecision? Decision = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Reason = null);

/// <summary>Whether a review task is waiting.</summary>
public enum ReviewStatus
{
    Open,
    Decided,
    /// <summary>Overtaken by events (one of the records changed or was merged); nothing to decide.</summary>
    Withdrawn,
}

/// <summary>A reviewer's decision.</summary>
public enum ReviewDecision
{
    /// <summary>The same person: link the record to the candidate's person.</summary>
    SamePerson,

    /// <summary>Not the same person: a hard constraint from now on (never linked automatically).</summary>
    NotSamePerson,
}
