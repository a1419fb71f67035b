using GmConnect.Identity.Manager;
using GmConnect.Identity.Matching;

namespace GmConnect.Identity.Index;

/// <summary>
/// The features of every record in the index (<see cref="RecordFeatures"/>), one row per record slot in blocks of shared
/// arrays: the blocking key hashes of slot <c>s</c> are <c>keys[s * rules ..]</c>, its prepared values
/// <c>values[s * comparisons ..]</c>, and its identifiers only when it carries a national one (the source key's
/// identifier is made again when asked for). Blocks of 65,536 slots, so that growing never copies what is there.
/// </summary>
/// <remarks>
/// We keep rows rather than an object and three arrays per record: at millions of records those objects were most of
/// what the start-up's garbage collector had to copy. Distinct slots may be written from several threads at once
/// (the rebuild restores on every core) once <see cref="EnsureCapacity"/> has made room for them.
/// </remarks>
internal sealed class FeatureRows
{
    private const int Shift = 16;
    private const int BlockSlots = 1 << Shift;
    private const int Mask = BlockSlots - 1;
    private readonly int _rules;
    private readonly int _comparisons;
    private ulong[][] _keys = [];
    private string?[][] _values = [];
    private RecordIdentifier[]?[][] _identifiers = [];

    public FeatureRows(int rules, int comparisons)
    {
        _rules = rules;
        _comparisons = comparisons;
    }

    public int Rules => _rules;

    public int Comparisons => _comparisons;

    /// <summary>Makes room for slots below <paramref name="slots"/>.</summary>
    public void EnsureCapacity(int slots)
    {
        var blocks = (slots + BlockSlots - 1) >> Shift;
        if (blocks <= _keys.Length)
        {
            return;
        }

        var keys = _keys;
        var values = _values;
        var identifiers = _identifiers;
        Array.Resize(ref keys, blocks);
        Array.Resize(ref values, blocks);
        Array.Resize(ref identifiers, blocks);
        for (var b = _keys.Length; b < blocks; b++)
        {
            keys[b] = new ulong[BlockSlots * _rules];
            values[b] = new string?[BlockSlots * _comparisons];
            identifiers[b] = new RecordIdentifier[]?[BlockSlots];
        }

        (_keys, _values, _identifiers) = (keys, values, identifiers);
    }

    /// <summary>The slot's blocking key hashes (one per rule; 0: no key under that rule).</summary>
    public Span<ulong> Keys(int slot) => _keys[slot >> Shift].AsSpan((slot & Mask) * _rules, _rules);

    /// <summary>The slot's prepared values (one per comparison).</summary>
    public Span<string?> Values(int slot) => _values[slot >> Shift].AsSpan((slot & Mask) * _comparisons, _comparisons);

    /// <summary>The slot's prepared value of one comparison.</summary>
    public string? Value(int slot, int comparison) => _values[slot >> Shift][((slot & Mask) * _comparisons) + comparison];

    /// <summary>The slot's national identifiers with its source key's first (as <see cref="RecordColumns.Identifiers(IdentityRecord)"/>).</summary>
    public RecordIdentifier[] Identifiers(int slot, SourceRecordKey key) =>
        _identifiers[slot >> Shift][slot & Mask] ?? RecordColumns.Identifiers(key.Source, key.RecordId, null, null, null, null);

    /// <summary>Whether the slot carries a national identifier.</summary>
    public bool HasNational(int slot) => _identifiers[slot >> Shift][slot & Mask] is not null;

    /// <summary>Writes a row (room must have been made).</summary>
    public void Set(int slot, RecordFeatures features)
    {
        EnsureCapacity(slot + 1);
        features.Keys.CopyTo(Keys(slot));
        features.Values.CopyTo(Values(slot));
        SetIdentifiers(slot, features.Identifiers);
    }

    /// <summary>Writes the slot's identifiers (kept only when there is a national one besides the source key).</summary>
    public void SetIdentifiers(int slot, RecordIdentifier[] identifiers) =>
        _identifiers[slot >> Shift][slot & Mask] = identifiers.Length > 1 ? identifiers : null;

    /// <summary>A copy of the slot's row.</summary>
    public RecordFeatures Get(int slot, SourceRecordKey key) => new(Keys(slot).ToArray(), Values(slot).ToArray(), Identifiers(slot, key));
}
