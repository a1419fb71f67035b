using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Matching;

namespace GmConnect.Identity.Index;

/// <summary>
/// The in-memory side of the person index: records and persons, the blocking index that feeds real-time
/// matching (the batch engine's blocking rules, one hash table per rule), national identifiers, term-frequency
/// counts, search keys and cannot-link pairs. Rebuilt from the store at start-up; changed only after the store
/// has committed. Not thread-safe: the manager mutates it under its lock.
/// </summary>
internal sealed class PersonIndex
{
    private readonly LinkageSettings _settings;
    private readonly Blocker _blocker;
    private readonly IReadOnlyList<string> _columns;
    private readonly Dictionary<ulong, List<IndexedRecord>>[] _blocks;
    private readonly Dictionary<(string System, string Value), List<IndexedRecord>> _identifiers = [];
    private readonly int[] _tfComparisons;
    private readonly Dictionary<string, int>[] _tfCounts;
    private readonly long[] _tfNonNull;
    private readonly Dictionary<string, List<IndexedRecord>>[] _search;
    private readonly Dictionary<SourceRecordKey, Dictionary<SourceRecordKey, bool>> _cannotLink = [];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public PersonIndex(LinkageSettings settings, IReadOnlyList<string> columns)
    {
        _settings = settings;
        _columns = columns;
        _blocker = new Blocker(settings);
        _blocks = [.. Enumerable.Range(0, settings.BlockingRules.Count).Select(_ => new Dictionary<ulong, List<IndexedRecord>>())];
        _tfComparisons = [.. settings.Comparisons.Select((c, i) => (c, i)).Where(x => x.c.TermFrequency).Select(x => x.i)];
        _tfCounts = [.. _tfComparisons.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        _tfNonNull = new long[_tfComparisons.Length];
        SearchFields = [.. SearchFieldNames.Select(n => settings.Comparisons.Select(c => c.Name).ToList().IndexOf(n))];
        _search = [.. SearchFieldNames.Select(_ => new Dictionary<string, List<IndexedRecord>>(StringComparer.Ordinal))];
    }

    /// <summary>Fields a demographic search can name, by comparison name.</summary>
    public static IReadOnlyList<string> SearchFieldNames { get; } = ["given_name", "family_name", "date_of_birth", "sex", "postcode"];

    /// <summary>Comparison index of each search field (-1 when the settings do not compare it).</summary>
    public int[] SearchFields { get; }

    public Dictionary<SourceRecordKey, IndexedRecord> Records { get; } = [];

    public Dictionary<string, PersonEntry> Persons { get; } = new(StringComparer.Ordinal);

    /// <summary>Prepares records once (as the batch engine would) and takes their keys, values and identifiers.</summary>
    public RecordFeatures[] Describe(IReadOnlyList<IdentityRecord> records)
    {
        var prepared = PreparedRecords.Prepare(_settings, RecordColumns.Table(_columns, records));
        var hashes = _blocker.KeyHashes(prepared);
        var result = new RecordFeatures[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var keys = new ulong[hashes.Length];
            for (var r = 0; r < hashes.Length; r++)
            {
                keys[r] = hashes[r][i];
            }

            var values = new string?[prepared.Columns.Length];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = Intern(prepared.Columns[c].Values[i]);
            }

            result[i] = new RecordFeatures(keys, values, RecordColumns.Identifiers(records[i]));
        }

        return result;
    }

    public RecordFeatures Describe(IdentityRecord record) => Describe([record])[0];

    public PersonEntry AddPerson(string personId)
    {
        var person = new PersonEntry(personId);
        Persons.Add(personId, person);
        return person;
    }

    /// <summary>Adds a record to its person (which must exist) and to every lookup.</summary>
    public void Add(IndexedRecord record)
    {
        Records.Add(record.Key, record);
        Persons[record.PersonId].Records.Add(record);
        Attach(record);
    }

    /// <summary>Replaces a record's content and features (its person stays).</summary>
    public void Replace(IndexedRecord record, IdentityRecord content, int version, string hash, RecordFeatures features)
    {
        Detach(record);
        record.Record = content;
        record.Version = version;
        record.ContentHash = hash;
        record.Features = features;
        Attach(record);
    }

    /// <summary>Moves a record to another person with a new link.</summary>
    public void Move(IndexedRecord record, Storage.StoredLink link)
    {
        Persons[record.PersonId].Records.Remove(record);
        record.Link = link;
        var target = Persons[link.PersonId].Records;
        var at = target.FindIndex(r => r.Link.Order > link.Order);
        target.Insert(at < 0 ? target.Count : at, record);
    }

    /// <summary>Records sharing at least one blocking key with <paramref name="keys"/> (at most <paramref name="max"/>).</summary>
    public HashSet<IndexedRecord> Candidates(ulong[] keys, int max)
    {
        var found = new HashSet<IndexedRecord>();
        for (var r = 0; r < keys.Length && found.Count < max; r++)
        {
            if (keys[r] != 0 && _blocks[r].TryGetValue(keys[r], out var block))
            {
                foreach (var record in block)
                {
                    found.Add(record);
                    if (found.Count >= max)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Share of records with this prepared value, for a term-frequency comparison; null when unknown.</summary>
    public double? Frequency(int comparison, string value)
    {
        var t = Array.IndexOf(_tfComparisons, comparison);
        if (t < 0 || _tfNonNull[t] == 0)
        {
            return null;
        }

        return Math.Max(_tfCounts[t].GetValueOrDefault(value), 1) / (double)_tfNonNull[t];
    }

    /// <summary>Records carrying a valid national identifier.</summary>
    public IReadOnlyList<IndexedRecord> WithIdentifier(string system, string canonical) =>
        _identifiers.TryGetValue((system, canonical), out var list) ? list : [];

    /// <summary>Records whose prepared search field equals the value.</summary>
    public IReadOnlyList<IndexedRecord> BySearchField(int field, string value) =>
        _search[field].TryGetValue(value, out var list) ? list : [];

    /// <summary>Whether the pair may not be linked: null (no constraint), false (not automatically), true (never).</summary>
    public bool? CannotLink(SourceRecordKey a, SourceRecordKey b) =>
        _cannotLink.TryGetValue(a, out var partners) && partners.TryGetValue(b, out var hard) ? hard : null;

    public void AddCannotLink(SourceRecordKey a, SourceRecordKey b, bool hard)
    {
        Put(a, b, hard);
        Put(b, a, hard);
    }

    /// <summary>Every cannot-link pair (each once per direction).</summary>
    public IEnumerable<(SourceRecordKey A, SourceRecordKey B)> CannotLinkPairs() =>
        _cannotLink.SelectMany(kv => kv.Value.Keys.Select(b => (kv.Key, b)));

    /// <summary>The strongest constraint between a record and any record of a person.</summary>
    public bool? CannotLinkPerson(SourceRecordKey key, PersonEntry person)
    {
        if (!_cannotLink.TryGetValue(key, out var partners))
        {
            return null;
        }

        bool? strongest = null;
        foreach (var record in person.Records)
        {
            if (partners.TryGetValue(record.Key, out var hard))
            {
                strongest = hard || strongest == true;
            }
        }

        return strongest;
    }

    /// <summary>The person a person id ends up at, following merges.</summary>
    public PersonEntry? Survivor(string personId)
    {
        var hops = 0;
        while (Persons.TryGetValue(personId, out var person))
        {
            if (person.MergedInto is null || ++hops > 1000)
            {
                return person;
            }

            personId = person.MergedInto;
        }

        return null;
    }

    private void Put(SourceRecordKey a, SourceRecordKey b, bool hard)
    {
        if (!_cannotLink.TryGetValue(a, out var partners))
        {
            _cannotLink[a] = partners = [];
        }

        partners[b] = hard || partners.GetValueOrDefault(b);
    }

    private void Attach(IndexedRecord record)
    {
        var features = record.Features;
        for (var r = 0; r < features.Keys.Length; r++)
        {
            if (features.Keys[r] != 0)
            {
                if (!_blocks[r].TryGetValue(features.Keys[r], out var block))
                {
                    _blocks[r][features.Keys[r]] = block = [];
                }

                block.Add(record);
            }
        }

        foreach (var id in features.Identifiers.Skip(1).Where(i => i.Valid))
        {
            if (!_identifiers.TryGetValue((id.System, id.Value), out var list))
            {
                _identifiers[(id.System, id.Value)] = list = [];
            }

            list.Add(record);
        }

        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            if (features.Values[_tfComparisons[t]] is { } value)
            {
                _tfCounts[t][value] = _tfCounts[t].GetValueOrDefault(value) + 1;
                _tfNonNull[t]++;
            }
        }

        for (var f = 0; f < SearchFields.Length; f++)
        {
            if (SearchFields[f] >= 0 && features.Values[SearchFields[f]] is { } value)
            {
                if (!_search[f].TryGetValue(value, out var list))
                {
                    _search[f][value] = list = [];
                }

                list.Add(record);
            }
        }
    }

    private void Detach(IndexedRecord record)
    {
        var features = record.Features;
        for (var r = 0; r < features.Keys.Length; r++)
        {
            if (features.Keys[r] != 0 && _blocks[r].TryGetValue(features.Keys[r], out var block))
            {
                block.Remove(record);
            }
        }

        foreach (var id in features.Identifiers.Skip(1).Where(i => i.Valid))
        {
            if (_identifiers.TryGetValue((id.System, id.Value), out var list))
            {
                list.Remove(record);
            }
        }

        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            if (features.Values[_tfComparisons[t]] is { } value)
            {
                _tfCounts[t][value]--;
                _tfNonNull[t]--;
            }
        }

        for (var f = 0; f < SearchFields.Length; f++)
        {
            if (SearchFields[f] >= 0 && features.Values[SearchFields[f]] is { } value && _search[f].TryGetValue(value, out var list))
            {
                list.Remove(record);
            }
        }
    }

    private string? Intern(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        _pool[value] = value;
        return value;
    }
}
