namespace GmConnect.Identity.Manager;

/// <summary>One entry of the index's append-only history.</summary>
/// <param name="Sequence">Position in the history (increasing).</param>
/// <param name="Kind">What happened.</param>
/// <param name="PersonId">The person it happened to (for a merge: the surviving person).</param>
/// <param name="OtherPersonId">The other person involved (for a merge: the merged person), if any.</param>
/// <param name="Record">The record involved, if any.</param>
/// <param name="By">Who: a steward's id, or <c>matcher</c>/<c>batch</c> with the model version.</param>
/// <param name="Reason">The steward's reason, or the match probability for automatic changes.</param>
/// <param name="At">When (UTC).</param>
public sealed record HistoryEntry(
    long Sequence,
    HistoryKind Kind,
    string PersonId,
    string? OtherPersonId,
    SourceRecordKey? Record,
    string By,
    string? Reason,
    DateTimeOffset At);

/// <summary>Kinds of history entries.</summary>
public enum HistoryKind
{
    RecordReceived,
    RecordUpdated,
    PersonCreated,
    Link,
    Unlink,
    Merge,
    Unmerge,
    ReviewOpened,
    ReviewDecided,
    ModelChanged,
}
