using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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
    private readonly KeyChains<ulong>[] _blocks;
    // Rules with missing(...) conditions: the comparisons each condition reads, and a second lookup holding the records
    // that have every one of those values (the first holds those lacking one). A record that has them is a candidate
    // only for one that lacks them, as the batch engine pairs a block only when either record lacks the value.
    private readonly int[]?[] _conditions;
    private readonly KeyChains<ulong>?[] _having;
    private readonly List<IndexedRecord> _slots = [];
    private readonly Dictionary<(string System, string Value), List<IndexedRecord>> _identifiers = [];
    private readonly int[] _tfComparisons;
    private readonly Dictionary<string, int>[] _tfCounts;
    private readonly long[] _tfNonNull;
    private readonly KeyChains<string>[] _search;
    private readonly Dictionary<SourceRecordKey, Dictionary<SourceRecordKey, bool>> _cannotLink = [];
    // One shared string per distinct prepared value; concurrent, as the rebuild restores records on every core.
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolBySpan;

    public PersonIndex(LinkageSettings settings, IReadOnlyList<string> columns)
    {
        _settings = settings;
        _columns = columns;
        _blocker = new Blocker(settings);
        _blocks = [.. Enumerable.Range(0, settings.BlockingRules.Count).Select(_ => new KeyChains<ulong>())];
        var comparisonNames = settings.Comparisons.Select(c => c.Name).ToList();
        _conditions = [.. settings.BlockingRules.Select(rule => rule
            .Select(text => BlockingKey.TryParse(text, out var key, out _) ? key : null)
            .Where(key => key?.Function == BlockingFunction.Missing)
            .Select(key => comparisonNames.IndexOf(key!.Comparison))
            .ToArray() is { Length: > 0 } conditions ? conditions : null)];
        _having = [.. _conditions.Select(c => c is null ? null : new KeyChains<ulong>())];
        _tfComparisons = [.. settings.Comparisons.Select((c, i) => (c, i)).Where(x => x.c.TermFrequency).Select(x => x.i)];
        _tfCounts = [.. _tfComparisons.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        _tfNonNull = new long[_tfComparisons.Length];
        SearchFields = [.. SearchFieldNames.Select(n => settings.Comparisons.Select(c => c.Name).ToList().IndexOf(n))];
        _search = [.. SearchFieldNames.Select(_ => new KeyChains<string>(StringComparer.Ordinal))];
        _poolBySpan = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Fingerprint = PreparedForm.Fingerprint(settings);
    }

    /// <summary>Fingerprint of what preparation depends on (<see cref="PreparedForm"/>).</summary>
    public uint Fingerprint { get; }

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

    /// <summary>
    /// The record's features from its stored prepared form; null when the form was made otherwise (prepare it afresh).
    /// Safe to call from several threads at once (the rebuild restores on every core).
    /// </summary>
    public RecordFeatures? Restore(SourceRecordKey key, ReadOnlySpan<byte> document, ReadOnlySpan<byte> prepared) =>
        PreparedForm.TryDecode(prepared, Fingerprint, _blocks.Length, _settings.Comparisons.Count, Intern, out var keys, out var values)
            ? new RecordFeatures(keys, values, RecordDocument.Identifiers(key, document))
            : null;

    /// <summary>The prepared form to store beside the record's document.</summary>
    public byte[] Preserve(RecordFeatures features) => PreparedForm.Encode(features, Fingerprint);

    /// <summary>Makes room for about <paramref name="records"/> records (before a rebuild).</summary>
    public void EnsureCapacity(int records)
    {
        Records.EnsureCapacity(records);
        _slots.Capacity = Math.Max(_slots.Capacity, records);
        foreach (var block in _blocks)
        {
            block.EnsureCapacity(records, records / 2);
        }

        foreach (var block in _having)
        {
            block?.EnsureCapacity(records, records / 2);
        }

        foreach (var field in _search)
        {
            field.EnsureCapacity(records, records / 8);
        }
    }

    public PersonEntry AddPerson(string personId)
    {
        var person = new PersonEntry(personId);
        Persons.Add(personId, person);
        return person;
    }

    /// <summary>Adds a record to its person (which must exist) and to every lookup.</summary>
    public void Add(IndexedRecord record)
    {
        Place(record);
        Attach(record);
    }

    /// <summary>
    /// Adds records in order, as <see cref="Add"/> would one by one: the lookups (one per blocking rule, identifiers
    /// and frequencies, one per search field) are independent of each other, so they are filled on all cores.
    /// </summary>
    public void AddRange(IReadOnlyList<IndexedRecord> records)
    {
        foreach (var record in records)
        {
            Place(record);
        }

        Parallel.For(0, _blocks.Length + 1 + _search.Length, part =>
        {
            if (part < _blocks.Length)
            {
                foreach (var record in records)
                {
                    AttachBlock(part, record);
                }
            }
            else if (part == _blocks.Length)
            {
                foreach (var record in records)
                {
                    AttachIdentifiersAndFrequencies(record);
                }
            }
            else
            {
                foreach (var record in records)
                {
                    AttachSearch(part - _blocks.Length - 1, record);
                }
            }
        });
    }

    /// <summary>Replaces a record's content and features (its person stays).</summary>
    public void Replace(IndexedRecord record, IdentityRecord content, int version, string hash, RecordFeatures features)
    {
        Detach(record);
        record.ContentHash = hash;
        record.Record = content;
        record.Version = version;
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

    /// <summary>
    /// Records sharing at least one blocking key with <paramref name="features"/> (at most <paramref name="max"/>); under
    /// a rule with <c>missing(...)</c> conditions, only records lacking the value unless the probe itself lacks it.
    /// </summary>
    public HashSet<IndexedRecord> Candidates(RecordFeatures features, int max)
    {
        var keys = features.Keys;
        var found = new HashSet<IndexedRecord>();
        for (var r = 0; r < keys.Length && found.Count < max; r++)
        {
            if (keys[r] == 0)
            {
                continue;
            }

            Collect(_blocks[r], keys[r], found, max);
            if (_having[r] is { } having && Lacks(r, features))
            {
                Collect(having, keys[r], found, max);
            }
        }

        return found;
    }

    private void Collect(KeyChains<ulong> chains, ulong key, HashSet<IndexedRecord> found, int max)
    {
        for (var slot = chains.First(key); slot != -1 && found.Count < max; slot = chains.Next(slot))
        {
            found.Add(_slots[slot]);
        }
    }

    /// <summary>Whether a record lacks a value one of the rule's <c>missing(...)</c> conditions names.</summary>
    private bool Lacks(int rule, RecordFeatures features) =>
        _conditions[rule] is { } conditions && conditions.Any(c => c < 0 || features.Values[c] is null);

    /// <summary>The lookup of a rule a record belongs in.</summary>
    private KeyChains<ulong> BlockOf(int rule, RecordFeatures features) =>
        _having[rule] is { } having && !Lacks(rule, features) ? having : _blocks[rule];

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
    public IReadOnlyList<IndexedRecord> BySearchField(int field, string value)
    {
        var found = new List<IndexedRecord>();
        for (var slot = _search[field].First(value); slot != -1; slot = _search[field].Next(slot))
        {
            found.Add(_slots[slot]);
        }

        return found;
    }

    /// <summary>How many records carry the prepared search field value, counting no further than <paramref name="atMost"/>.</summary>
    public int CountBySearchField(int field, string value, int atMost)
    {
        var n = 0;
        for (var slot = _search[field].First(value); slot != -1 && n < atMost; slot = _search[field].Next(slot))
        {
            n++;
        }

        return n;
    }

    /// <summary>Adds records carrying the prepared search field value to <paramref name="into"/> until it holds <paramref name="max"/>.</summary>
    public void AddBySearchField(int field, string value, HashSet<IndexedRecord> into, int max)
    {
        for (var slot = _search[field].First(value); slot != -1 && into.Count < max; slot = _search[field].Next(slot))
        {
            into.Add(_slots[slot]);
        }
    }

    /// <summary>
    /// Which of the (field, value) pairs has the fewest records, found by walking their chains side by side until the
    /// first ends: a common family name is not walked past the length of the rarest given field.
    /// </summary>
    public int FewestBySearchField(IReadOnlyList<(int Field, string Value)> given)
    {
        var at = new int[given.Count];
        for (var g = 0; g < given.Count; g++)
        {
            at[g] = _search[given[g].Field].First(given[g].Value);
            if (at[g] == -1)
            {
                return g;
            }
        }

        while (true)
        {
            for (var g = 0; g < given.Count; g++)
            {
                at[g] = _search[given[g].Field].Next(at[g]);
                if (at[g] == -1)
                {
                    return g;
                }
            }
        }
    }

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

    /// <summary>
    /// Everything the index holds, as sorted lines of text: records with their content (read from the stored document
    /// where it was kept unread) and features, persons with their records
    /// in order, every blocking chain, identifier list, frequency and search chain, and cannot-links. Two indexes
    /// with equal snapshots answer every question alike (tests compare a rebuild with one prepared from scratch).
    /// </summary>
    public List<string> Snapshot()
    {
        static string Keys(IEnumerable<IndexedRecord> records) => string.Join(" ", records.Select(r => r.Key.ToString()));
        var lines = new List<string>();
        foreach (var r in Records.Values)
        {
            var f = r.Features;
            lines.Add($"record {r.Key} v{r.Version} {r.ContentHash} {r.Link} {r.Record} keys [{string.Join(",", f.Keys)}] values [{string.Join("|", f.Values.Select(v => v ?? "∅"))}] ids [{string.Join(",", f.Identifiers)}]");
        }

        foreach (var p in Persons.Values)
        {
            lines.Add($"person {p.Id} merged-into {p.MergedInto}: {Keys(p.Records)}");
        }

        for (var b = 0; b < _blocks.Length; b++)
        {
            lines.AddRange(_blocks[b].All().Select(x => $"block {b} {x.Key}: {Keys(x.Slots.Select(s => _slots[s]))}"));
            lines.AddRange(_having[b]?.All().Select(x => $"block {b} having {x.Key}: {Keys(x.Slots.Select(s => _slots[s]))}") ?? []);
        }

        lines.AddRange(_identifiers.Where(x => x.Value.Count > 0).Select(x => $"identifier {x.Key.System} {x.Key.Value}: {Keys(x.Value)}"));
        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            lines.Add($"frequency {t} non-null {_tfNonNull[t]}");
            lines.AddRange(_tfCounts[t].Where(x => x.Value != 0).Select(x => $"frequency {t} {x.Key}: {x.Value}"));
        }

        for (var f = 0; f < _search.Length; f++)
        {
            lines.AddRange(_search[f].All().Select(x => $"search {f} {x.Key}: {Keys(x.Slots.Select(s => _slots[s]))}"));
        }

        lines.AddRange(CannotLinkPairs().Select(x => $"cannot-link {x.A} {x.B} {CannotLink(x.A, x.B)}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private void Put(SourceRecordKey a, SourceRecordKey b, bool hard)
    {
        if (!_cannotLink.TryGetValue(a, out var partners))
        {
            _cannotLink[a] = partners = [];
        }

        partners[b] = hard || partners.GetValueOrDefault(b);
    }

    private void Place(IndexedRecord record)
    {
        Records.Add(record.Key, record);
        Persons[record.PersonId].Records.Add(record);
        record.Slot = _slots.Count;
        _slots.Add(record);
    }

    private void Attach(IndexedRecord record)
    {
        for (var r = 0; r < _blocks.Length; r++)
        {
            AttachBlock(r, record);
        }

        AttachIdentifiersAndFrequencies(record);
        for (var f = 0; f < _search.Length; f++)
        {
            AttachSearch(f, record);
        }
    }

    private void AttachBlock(int rule, IndexedRecord record)
    {
        var key = record.Features.Keys[rule];
        if (key != 0)
        {
            BlockOf(rule, record.Features).Append(key, record.Slot);
        }
    }

    private void AttachIdentifiersAndFrequencies(IndexedRecord record)
    {
        var features = record.Features;
        for (var i = 1; i < features.Identifiers.Length; i++)
        {
            var id = features.Identifiers[i];
            if (id.Valid)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_identifiers, (id.System, id.Value), out _);
                (list ??= []).Add(record);
            }
        }

        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            if (features.Values[_tfComparisons[t]] is { } value)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_tfCounts[t], value, out _)++;
                _tfNonNull[t]++;
            }
        }
    }

    private void AttachSearch(int field, IndexedRecord record)
    {
        if (SearchFields[field] >= 0 && record.Features.Values[SearchFields[field]] is { } value)
        {
            _search[field].Append(value, record.Slot);
        }
    }

    private void Detach(IndexedRecord record)
    {
        var features = record.Features;
        for (var r = 0; r < features.Keys.Length; r++)
        {
            if (features.Keys[r] != 0)
            {
                BlockOf(r, features).Remove(features.Keys[r], record.Slot);
            }
        }

        for (var i = 1; i < features.Identifiers.Length; i++)
        {
            var id = features.Identifiers[i];
            if (id.Valid && _identifiers.TryGetValue((id.System, id.Value), out var list))
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
            if (SearchFields[f] >= 0 && features.Values[SearchFields[f]] is { } value)
            {
                _search[f].Remove(value, record.Slot);
            }
        }
    }

    private string Intern(ReadOnlySpan<char> value)
    {
        if (_poolBySpan.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var text = value.ToString();
        return _pool.GetOrAdd(text, text);
    }

    private string? Intern(string? value) => value is null ? null : _pool.GetOrAdd(value, value);
}
