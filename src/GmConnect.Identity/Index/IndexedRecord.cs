using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Index;

/// <summary>
/// A record as the in-memory index holds it: the stored record and link, and its place in the index's feature rows
/// (<see cref="FeatureRows"/>). A record restored at start-up keeps its stored document (UTF-8, a slice of the index's
/// document arena) and reads it only when asked for the record: matching reads its candidates' records, a reader asks
/// for a few; parsing millions of documents at start-up is what made it slow.
/// </summary>
/// <remarks>
/// We keep as few objects per record as we can: at millions of records the start-up's time went into the garbage
/// collector copying them (a features object and three arrays, a byte array per document, a list per identifier). Features
/// live in rows of shared arrays, documents in shared blocks; what is left is this object, its link and its record id.
/// </remarks>
internal sealed class IndexedRecord
{
    private IdentityRecord? _record;
    private ReadOnlyMemory<byte> _document;
    private string? _contentHash;
    private RecordFeatures? _pending;
    private FeatureRows? _rows;

    public IndexedRecord(IdentityRecord record, int version, string contentHash, StoredLink link, RecordFeatures features)
    {
        _record = record;
        _contentHash = contentHash;
        _pending = features;
        Key = record.Key;
        Version = version;
        Link = link;
    }

    /// <summary>
    /// A record whose content is read from its stored document (<see cref="RecordDocument"/>) when first asked for, and
    /// whose content hash is the document's (computed when first asked for: only a resubmission of the same key needs it).
    /// Its features are already in <paramref name="rows"/> at <paramref name="slot"/> (the rebuild restores them there).
    /// </summary>
    public IndexedRecord(SourceRecordKey key, ReadOnlyMemory<byte> document, int version, StoredLink link, FeatureRows rows, int slot)
    {
        _document = document;
        _rows = rows;
        Slot = slot;
        Key = key;
        Version = version;
        Link = link;
    }

    /// <summary>
    /// The record as received (read from the stored document the first time). Readers on several threads may each read
    /// the document once; they get equal records. Set only under the manager's lock, with <see cref="ContentHash"/>.
    /// </summary>
    public IdentityRecord Record
    {
        get => _record ??= RecordDocument.FromJson(_document.Span);
        set
        {
            _record = value;
            _document = default;
        }
    }

    /// <summary>SHA-256 of the stored document (hex).</summary>
    public string ContentHash
    {
        get => _contentHash ??= RecordDocument.Hash(_document.Span);
        set => _contentHash = value;
    }

    public int Version { get; set; }

    public StoredLink Link { get; set; }

    /// <summary>
    /// Blocking keys, prepared values and identifiers: a copy of the record's feature row once the index holds the record
    /// (allocated on each call: for tests, stewardship checks and re-storing forms, not for hot loops — those read the
    /// rows through <see cref="PersonIndex"/>).
    /// </summary>
    public RecordFeatures Features => _pending ?? _rows!.Get(Slot, Key);

    /// <summary>The record's place in the index's chains and feature rows (set when the index takes it).</summary>
    public int Slot { get; private set; } = -1;

    public SourceRecordKey Key { get; }

    public string PersonId => Link.PersonId;

    /// <summary>The record's identifiers: its source key first, then the national ones it carries.</summary>
    public RecordIdentifier[] Identifiers => _pending?.Identifiers ?? _rows!.Identifiers(Slot, Key);

    public LinkedRecord ToLinked() => new(Record, Version, Link.PersonId, Link.Link, Identifiers);

    /// <summary>Replaces its features (a changed record: written over its row once the index holds it).</summary>
    internal void SetFeatures(RecordFeatures features)
    {
        if (_rows is null)
        {
            _pending = features;
        }
        else
        {
            _rows.Set(Slot, features);
        }
    }

    /// <summary>Takes its place in the index: slot <paramref name="slot"/> of <paramref name="rows"/> (its features written there when it brought them).</summary>
    internal void Place(FeatureRows rows, int slot)
    {
        if (_pending is { } features)
        {
            rows.Set(slot, features);
            _pending = null;
        }
        else if (!ReferenceEquals(rows, _rows) || slot != Slot)
        {
            throw new InvalidOperationException("A restored record must be placed in the slot its features were restored to.");
        }

        _rows = rows;
        Slot = slot;
    }
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
