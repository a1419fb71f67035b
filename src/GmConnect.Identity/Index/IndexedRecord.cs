using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Index;

/// <summary>A record as the in-memory index holds it: the stored record and link, and what matching needs.</summary>
internal sealed class IndexedRecord(IdentityRecord record, int version, string contentHash, StoredLink link, RecordFeatures features)
{
    public IdentityRecord Record { get; set; } = record;

    public int Version { get; set; } = version;

    public string ContentHash { get; set; } = contentHash;

    public StoredLink Link { get; set; } = link;

    public RecordFeatures Features { get; set; } = features;

    /// <summary>The record's place in the index's chains (set when the index takes it).</summary>
    public int Slot { get; set; } = -1;

    public SourceRecordKey Key => Record.Key;

    public string PersonId => Link.PersonId;

    public LinkedRecord ToLinked() => new(Record, Version, Link.PersonId, Link.Link, Features.Identifiers);
}

/// <summary>What the index keeps of a record for matching: blocking keys, prepared values, identifiers.</summary>
/// <param name="Keys">Blocking key hash per rule (0: the record has no key under that rule).</param>
/// <param name="Values">Prepared value per comparison (normalised as the comparison reads it).</param>
/// <param name="Identifiers">Source key and national identifiers.</param>
internal sealed record RecordFeatures(ulong[] Keys, string?[] Values, RecordIdentifier[] Identifiers);

/// <summary>A person in the in-memory index.</summary>
internal sealed class PersonEntry(string id)
{
    public string Id { get; } = id;

    public List<IndexedRecord> Records { get; } = [];

    public string? MergedInto { get; set; }
}
