using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Index;

/// <summary>
/// A record as the in-memory index holds it: the stored record and link, and what matching needs. A record restored at
/// start-up keeps its stored document (UTF-8) and reads it only when asked for the record: matching reads its candidates'
/// records, a reader asks for a few; parsing millions of documents at start-up is what made it slow.
/// </summary>
internal sealed class IndexedRecord
{
    private IdentityRecord? _record;
    private byte[]? _document;
    private string? _contentHash;

    public IndexedRecord(IdentityRecord record, int version, string contentHash, StoredLink link, RecordFeatures features)
    {
        _record = record;
        _contentHash = contentHash;
        Key = record.Key;
        Version = version;
        Link = link;
        Features = features;
    }

    /// <summary>
    /// A record whose content is read from its stored document (<see cref="RecordDocument"/>) when first asked for, and
    /// whose content hash is the document's (computed when first asked for: only a resubmission of the same key needs it).
    /// </summary>
    public IndexedRecord(SourceRecordKey key, byte[] document, int version, StoredLink link, RecordFeatures features)
    {
        _document = document;
        Key = key;
        Version = version;
        Link = link;
        Features = features;
    }

    /// <summary>
    /// The record as received (read from the stored document the first time). Readers on several threads may each read
    /// the document once; they get equal records. Set only under the manager's lock, with <see cref="ContentHash"/>.
    /// </summary>
    public IdentityRecord Record
    {
        get => _record ??= RecordDocument.FromJson(_document!);
        set
        {
            _record = value;
            _document = null;
        }
    }

    /// <summary>SHA-256 of the stored document (hex).</summary>
    public string ContentHash
    {
        get => _contentHash ??= RecordDocument.Hash(_document!);
        set => _contentHash = value;
    }

    public int Version { get; set; }

    public StoredLink Link { get; set; }

    public RecordFeatures Features { get; set; }

    /// <summary>The record's place in the index's chains (set when the index takes it).</summary>
    public int Slot { get; set; } = -1;

    public SourceRecordKey Key { get; }

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
