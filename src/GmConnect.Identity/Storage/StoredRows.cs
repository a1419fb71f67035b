using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Storage;

/// <summary>A record's current link: its person, how the link was made, and its place in the person's link order.</summary>
internal sealed record StoredLink(string PersonId, LinkProvenance Link, long Order);

/// <summary>A source record's current version with its link (and, when read for a rebuild, its stored prepared form).</summary>
internal sealed record StoredRecord(IdentityRecord Record, int Version, string ContentHash, StoredLink Link, byte[]? Prepared = null);

/// <summary>
/// A source record's current version as the start-up rebuild reads it: its key, its document as stored (UTF-8, not yet
/// parsed; its content hash is the document's), its link and its stored prepared form.
/// </summary>
internal readonly record struct StoredIndexRow(SourceRecordKey Key, ReadOnlyMemory<byte> Document, int Version, StoredLink Link, byte[]? Prepared)
{
    /// <summary>The record, parsed from the document (each time it is asked for).</summary>
    public IdentityRecord Record => RecordDocument.FromJson(Document.Span);
}

/// <summary>One stored version of a source record, as received.</summary>
internal sealed record StoredVersion(int Version, IdentityRecord Record, string ContentHash, DateTimeOffset ReceivedAt);

/// <summary>A person row: its id, when it was founded, and the person it was merged into, if any.</summary>
internal sealed record StoredPerson(string PersonId, DateTimeOffset CreatedAt, string? MergedInto);

/// <summary>A history row: the public entry, the merge it undoes (for an unmerge) and machine-readable detail.</summary>
internal sealed record StoredHistory(HistoryEntry Entry, long? Undoes, string? Detail);

/// <summary>A review task by record keys (the manager joins the records).</summary>
internal sealed record StoredReview(
    long Id,
    SourceRecordKey Record,
    SourceRecordKey Candidate,
    double Probability,
    string ExplanationJson,
    DateTimeOffset OpenedAt,
    ReviewStatus Status,
    ReviewDecision? Decision = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Reason = null);

/// <summary>
/// Two records never to be linked. Hard: a reviewer said "not the same person" (no link at all, automatic or
/// manual). Soft: a steward unlinked one from the other's person (never linked back automatically).
/// </summary>
internal sealed record StoredCannotLink(SourceRecordKey A, SourceRecordKey B, bool Hard, string By, string? Reason, DateTimeOffset At);

/// <summary>
/// A linkage model the index has used: its version, where it came from, its parameters (JSON) and the fingerprint of
/// the linkage settings it was trained under (<see cref="Manager.SettingsFingerprint"/>; null when stored before migration 0004).
/// </summary>
internal sealed record StoredModel(int Version, string Origin, long RecordCount, string ModelJson, DateTimeOffset CreatedAt, string? SettingsFingerprint = null);
