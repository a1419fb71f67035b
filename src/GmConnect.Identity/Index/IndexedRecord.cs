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

    public IndexedRecord(IdentityRecord record, int version, string contentHash, StoredLink link, RecordFeatures features)
    {
        _record = record;
        Key = record.Key;
        Version = version;
        ContentHash = contentHash;
        Link = link;
        Features = features;
    }

    /// <summary>A record whose content is read from its stored document (<see cref="RecordDocument"/>) when first asked for.</summary>
    public IndexedRecord(SourceRecordKey key, byte[] document, int version, string contentHash, StoredLink link, RecordFeatures features)
    {
        _document = document;
        Key = key;
        Version = version;
        ContentHash = contentHash;
        Link = link;
        Features = features;
    }

    /// <summary>The record as received (read from the stored document the first time, on any thread).</summary>
    public IdentityRecord Record
    {
        get
        {
            if (Volatile.Read(ref _record) is { } record)
            {
                return record;
            }

            // The writer below sets the record before it drops the document: a reader that finds no document finds the record.
            if (Volatile.Read(ref _document) is not { } document)
            {
                return Volatile.Read(ref _record)!;
            }

            record = RecordDocument.FromJson(document);
            Volatile.Write(ref _record, record);
            Volatile.Write(ref _document, null);
            return record;
        }

        set
        {
            Volatile.Write(ref _record, value);
            Volatile.Write(ref _document, null);
        }
    }

    public int Version { get; set; }

    public string ContentHash { get; set; }

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
