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
    private readonly FeatureRows _rows;
    // One chain per national identifier system (a record carries at most one identifier of each), by canonical value.
    private readonly KeyChains<string>[] _identifiers = [.. NationalSystems.Select(_ => new KeyChains<string>(StringComparer.Ordinal))];
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
        _rows = new FeatureRows(settings.BlockingRules.Count, settings.Comparisons.Count);
    }

    /// <summary>The national identifier systems the index looks records up by.</summary>
    private static readonly string[] NationalSystems = [IdentifierSystems.NhsNumber, IdentifierSystems.Upn, IdentifierSystems.Nino, IdentifierSystems.PncId];

    /// <summary>Records placed so far: the next record takes this slot.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>The stored documents of restored records.</summary>
    public DocumentArena Documents { get; } = new();

    /// <summary>
    /// The probe (row 0, with its <paramref name="features"/>) and <paramref name="rows"/> as prepared records for scoring,
    /// from the values the index holds: a candidate is neither parsed nor normalised again.
    /// </summary>
    public PreparedRecords Prepared(RecordFeatures features, IReadOnlyList<IndexedRecord> rows) =>
        PreparedRecords.FromPrepared(_settings, rows.Count + 1, (i, c) => i == 0 ? features.Values[c] : _rows.Value(rows[i - 1].Slot, c));

    /// <summary>A record's prepared value of one comparison.</summary>
    public string? ValueOf(IndexedRecord record, int comparison) => _rows.Value(record.Slot, comparison);

    /// <summary>Fingerprint of what preparation depends on (<see cref="PreparedForm"/>).</summary>
    public uint Fingerprint { get; }

    /// <summary>Fields a demographic search can name, by comparison name.</summary>
    public static IReadOnlyList<string> SearchFieldNames { get; } = ["given_name", "family_name", "date_of_birth", "sex", "postcode"];

    /// <summary>The search field of the date of birth (in <see cref="SearchFieldNames"/>).</summary>
    public const int DateOfBirthField = 2;

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
    /// Restores the features of the record that will take slot <paramref name="slot"/> from its stored prepared form,
    /// straight into the feature rows; false when the form was made otherwise (prepare it afresh, <see cref="SetFeatures"/>).
    /// Safe to call from several threads at once for distinct slots (the rebuild restores on every core) once
    /// <see cref="EnsureCapacity"/> has made room.
    /// </summary>
    public bool Restore(int slot, SourceRecordKey key, ReadOnlySpan<byte> document, ReadOnlySpan<byte> prepared)
    {
        if (!PreparedForm.TryDecode(prepared, Fingerprint, _rows.Keys(slot), _rows.Values(slot), Intern))
        {
            return false;
        }

        _rows.SetIdentifiers(slot, RecordDocument.Identifiers(key, document));
        return true;
    }

    /// <summary>Writes the features of the record that will take slot <paramref name="slot"/> (prepared afresh).</summary>
    public void SetFeatures(int slot, RecordFeatures features) => _rows.Set(slot, features);

    /// <summary>The features held for slot <paramref name="slot"/> (to compare with the record prepared again).</summary>
    public RecordFeatures FeaturesAt(int slot, SourceRecordKey key) => _rows.Get(slot, key);

    /// <summary>A record whose features the rebuild has written at <paramref name="slot"/>, to be placed there.</summary>
    public IndexedRecord Restored(SourceRecordKey key, ReadOnlyMemory<byte> document, int version, Storage.StoredLink link, int slot) =>
        new(key, document, version, link, _rows, slot);

    /// <summary>The prepared form to store beside the record's document.</summary>
    public byte[] Preserve(RecordFeatures features) => PreparedForm.Encode(features, Fingerprint);

    /// <summary>The prepared form of a record the index holds.</summary>
    public byte[] Preserve(IndexedRecord record) => PreparedForm.Encode(_rows.Get(record.Slot, record.Key), Fingerprint);

    /// <summary>Makes room for about <paramref name="records"/> records (before a rebuild).</summary>
    public void EnsureCapacity(int records)
    {
        Records.EnsureCapacity(records);
        _slots.Capacity = Math.Max(_slots.Capacity, records);
        _rows.EnsureCapacity(records);
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

    /// <summary>Makes room in the feature rows for slots below <paramref name="slots"/> (before restoring into them).</summary>
    public void ReserveRows(int slots) => _rows.EnsureCapacity(slots);

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
        record.SetFeatures(features);
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
        var found = new HashSet<IndexedRecord>();
        AddCandidates(features, found, max);
        return found;
    }

    /// <summary>Adds the records <see cref="Candidates"/> would give to <paramref name="found"/> until it holds <paramref name="max"/>.</summary>
    public void AddCandidates(RecordFeatures features, HashSet<IndexedRecord> found, int max)
    {
        var keys = features.Keys;
        for (var r = 0; r < keys.Length && found.Count < max; r++)
        {
            if (keys[r] == 0)
            {
                continue;
            }

            Collect(_blocks[r], keys[r], found, max);
            if (_having[r] is { } having && Lacks(r, features.Values))
            {
                Collect(having, keys[r], found, max);
            }
        }
    }

    private void Collect(KeyChains<ulong> chains, ulong key, HashSet<IndexedRecord> found, int max)
    {
        for (var slot = chains.First(key); slot != -1 && found.Count < max; slot = chains.Next(slot))
        {
            found.Add(_slots[slot]);
        }
    }

    /// <summary>Whether a record lacks a value one of the rule's <c>missing(...)</c> conditions names.</summary>
    private bool Lacks(int rule, ReadOnlySpan<string?> values)
    {
        if (_conditions[rule] is not { } conditions)
        {
            return false;
        }

        foreach (var c in conditions)
        {
            if (c < 0 || values[c] is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lookup of a rule a record belongs in.</summary>
    private KeyChains<ulong> BlockOf(int rule, ReadOnlySpan<string?> values) =>
        _having[rule] is { } having && !Lacks(rule, values) ? having : _blocks[rule];

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
    public IReadOnlyList<IndexedRecord> WithIdentifier(string system, string canonical)
    {
        var s = Array.IndexOf(NationalSystems, system);
        if (s < 0)
        {
            return [];
        }

        var found = new List<IndexedRecord>();
        for (var slot = _identifiers[s].First(canonical); slot != -1; slot = _identifiers[s].Next(slot))
        {
            found.Add(_slots[slot]);
        }

        return found;
    }

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
            var f = _rows.Get(r.Slot, r.Key);
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

        for (var s = 0; s < NationalSystems.Length; s++)
        {
            var system = NationalSystems[s];
            lines.AddRange(_identifiers[s].All().Select(x => $"identifier {system} {x.Key}: {Keys(x.Slots.Select(slot => _slots[slot]))}"));
        }
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
        record.Place(_rows, _slots.Count);
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
        var key = _rows.Keys(record.Slot)[rule];
        if (key != 0)
        {
            BlockOf(rule, _rows.Values(record.Slot)).Append(key, record.Slot);
        }
    }

    private void AttachIdentifiersAndFrequencies(IndexedRecord record)
    {
        if (_rows.HasNational(record.Slot))
        {
            var identifiers = _rows.Identifiers(record.Slot, record.Key);
            for (var i = 1; i < identifiers.Length; i++)
            {
                var id = identifiers[i];
                if (id.Valid)
                {
                    _identifiers[Array.IndexOf(NationalSystems, id.System)].Append(id.Value, record.Slot);
                }
            }
        }

        var values = _rows.Values(record.Slot);
        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            if (values[_tfComparisons[t]] is { } value)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_tfCounts[t], value, out _)++;
                _tfNonNull[t]++;
            }
        }
    }

    private void AttachSearch(int field, IndexedRecord record)
    {
        if (SearchFields[field] >= 0 && _rows.Value(record.Slot, SearchFields[field]) is { } value)
        {
            _search[field].Append(value, record.Slot);
        }
    }

    private void Detach(IndexedRecord record)
    {
        var keys = _rows.Keys(record.Slot);
        var values = _rows.Values(record.Slot);
        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] != 0)
            {
                BlockOf(r, values).Remove(keys[r], record.Slot);
            }
        }

        var identifiers = _rows.Identifiers(record.Slot, record.Key);
        for (var i = 1; i < identifiers.Length; i++)
        {
            var id = identifiers[i];
            if (id.Valid)
            {
                _identifiers[Array.IndexOf(NationalSystems, id.System)].Remove(id.Value, record.Slot);
            }
        }

        for (var t = 0; t < _tfComparisons.Length; t++)
        {
            if (values[_tfComparisons[t]] is { } value)
            {
                _tfCounts[t][value]--;
                _tfNonNull[t]--;
            }
        }

        for (var f = 0; f < SearchFields.Length; f++)
        {
            if (SearchFields[f] >= 0 && values[SearchFields[f]] is { } value)
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
