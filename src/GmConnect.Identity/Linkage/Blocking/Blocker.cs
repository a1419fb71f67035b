using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Blocking;

/// <summary>
/// Generates candidate pairs: for each rule, records whose keys all agree form a block, and every
/// allowed pair inside a block is a candidate. Rules are OR-ed; a pair found by an earlier rule is
/// not emitted again, so each pair appears once without a hash set of pairs.
/// </summary>
internal sealed class Blocker
{
    private readonly BlockingKey[][] _rules;
    private readonly LinkType _linkType;
    private readonly int _maxBlockSize;

    public Blocker(LinkageSettings settings)
    {
        _linkType = settings.LinkType;
        _maxBlockSize = settings.MaxBlockSize ?? int.MaxValue;
        _rules = settings.BlockingRules
            .Select(rule => rule.Select(text => BlockingKey.TryParse(text, out var key, out _) ? key! : throw new ArgumentException($"Bad blocking key '{text}'.", nameof(settings))).ToArray())
            .ToArray();
    }

    public int RuleCount => _rules.Length;

    /// <summary>The comparisons each rule's keys read (so that EM does not train them on that rule's pairs).</summary>
    public IReadOnlyList<HashSet<string>> ComparisonsByRule => [.. _rules.Select(r => r.SelectMany(k => k.Comparisons).ToHashSet(StringComparer.Ordinal))];

    /// <summary>Key hash of every record under every rule; 0 means the record has no key (a missing part).</summary>
    public ulong[][] KeyHashes(PreparedRecords records)
    {
        var hashes = new ulong[_rules.Length][];
        Parallel.For(0, _rules.Length, r =>
        {
            var rule = _rules[r].Where(k => k.Function != BlockingFunction.Missing).ToArray();
            var parts = new ulong[rule.Length][];
            for (var k = 0; k < rule.Length; k++)
            {
                var key = rule[k];
                var first = PartHashes(records, Array.FindIndex(records.Comparisons, c => c.Name == key.Comparison), key);
                if (key.Second is null)
                {
                    parts[k] = first;
                    continue;
                }

                // Sorted pair of the two Soundex codes: the same key whichever way round the names are.
                var second = PartHashes(records, Array.FindIndex(records.Comparisons, c => c.Name == key.Second), key);
                var combined = new ulong[records.Count];
                for (var i = 0; i < combined.Length; i++)
                {
                    var (x, y) = (first[i], second[i]);
                    combined[i] = x == 0 || y == 0 ? 0 : Mix(Math.Min(x, y), Math.Max(x, y));
                }

                parts[k] = combined;
            }

            var h = new ulong[records.Count];
            for (var i = 0; i < h.Length; i++)
            {
                var hash = 14695981039346656037UL;
                for (var k = 0; k < parts.Length; k++)
                {
                    var part = parts[k][i];
                    if (part == 0)
                    {
                        hash = 0;
                        break;
                    }

                    hash = Mix(hash, part);
                }

                h[i] = hash;
            }

            hashes[r] = h;
        });
        return hashes;
    }

    /// <summary>Hash of each record's key part (0 when it has none), computed once per distinct value.</summary>
    private static ulong[] PartHashes(PreparedRecords records, int comparison, BlockingKey key)
    {
        var column = records.Columns[comparison];
        var values = column.Values;
        var result = new ulong[records.Count];
        var function = key.Function == BlockingFunction.SortedSoundex ? BlockingFunction.Soundex : key.Function;
        var partKey = key with { Function = function };
        if (column.Codes is not { } codes)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = HashPart(KeyPart(partKey, values[i]));
            }

            return result;
        }

        var perCode = new Dictionary<int, ulong>();
        for (var i = 0; i < result.Length; i++)
        {
            var code = codes[i];
            if (code < 0)
            {
                continue;
            }

            if (!perCode.TryGetValue(code, out var hash))
            {
                hash = HashPart(KeyPart(partKey, values[i]));
                perCode.Add(code, hash);
            }

            result[i] = hash;
        }

        return result;
    }

    private static ulong HashPart(string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return 0;
        }

        var hash = Fnv(14695981039346656037UL, part);
        return hash == 0 ? 1 : hash;
    }

    private static ulong Mix(ulong hash, ulong part)
    {
        var h = (hash ^ part) * 1099511628211UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return h == 0 ? 1 : h;
    }

    /// <summary>The two values' Soundex codes in sorted order; null when either is missing.</summary>
    internal static string? SortedSoundex(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var x = Phonetic.Soundex(a);
        var y = Phonetic.Soundex(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return null;
        }

        return string.CompareOrdinal(x, y) <= 0 ? x + y : y + x;
    }

    /// <summary>
    /// All candidate pairs. Rules run in parallel, each into its own buffer; the buffers are joined in
    /// rule order, so the pair order (and everything after it) does not depend on threads.
    /// </summary>
    public CandidatePairs Pairs(PreparedRecords records, ulong[][] hashes, IProgress<double>? progress = null)
    {
        var buffers = new PairBuffer[_rules.Length];
        var perRule = new long[_rules.Length];
        var skipped = new long[_rules.Length];
        var sorted = new (ulong[] Keys, int[] Order)[_rules.Length];
        var done = 0;
        var lacking = Lacking(records);
        // Every rule's records with a key, sorted by key; oversized blocks are dropped (their keys set to "no key")
        // before any rule's pairs are made, because a rule's pairs consult the earlier rules' keys.
        Parallel.For(0, _rules.Length, r => sorted[r] = SortAndDropOversized(hashes[r], out skipped[r]));

        // Every record's keys side by side: checking a pair against the other rules then reads two short rows rather
        // than two values from each of up to 16 arrays (at a million people, cache misses were most of the cost).
        var rows = RecordMajor(hashes, records.Count);
        Parallel.For(0, _rules.Length, r =>
        {
            buffers[r] = RulePairs(records, hashes[r], rows, lacking, r, sorted[r].Keys, sorted[r].Order, out perRule[r]);
            sorted[r] = default;
            progress?.Report((double)Interlocked.Increment(ref done) / _rules.Length);
        });

        var count = buffers.Sum(b => b.Count);
        var left = new int[count];
        var right = new int[count];
        var rules = new ushort[count];
        var offset = 0;
        foreach (var buffer in buffers)
        {
            Array.Copy(buffer.Left, 0, left, offset, buffer.Count);
            Array.Copy(buffer.Right, 0, right, offset, buffer.Count);
            Array.Copy(buffer.Rules, 0, rules, offset, buffer.Count);
            offset += buffer.Count;
        }

        return new CandidatePairs(left, right, rules, count, perRule, skipped);
    }

    /// <summary>
    /// The records that have a key, sorted by key (records in index order within a block). A block larger than
    /// <c>max_block_size</c> yields no pairs: its records' keys become "no key", so that no later rule mistakes a
    /// pair in it for one an earlier rule already emitted.
    /// </summary>
    private (ulong[] Keys, int[] Order) SortAndDropOversized(ulong[] h, out long dropped)
    {
        var withKey = 0;
        foreach (var key in h)
        {
            if (key != 0)
            {
                withKey++;
            }
        }

        var keys = new ulong[withKey];
        var order = new int[withKey];
        for (int i = 0, j = 0; i < h.Length; i++)
        {
            if (h[i] != 0)
            {
                keys[j] = h[i];
                order[j++] = i;
            }
        }

        Array.Sort(keys, order);
        dropped = 0;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > _maxBlockSize)
            {
                dropped++;
                for (var x = start; x < end; x++)
                {
                    h[order[x]] = 0;
                }
            }
            else if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        return (keys, order);
    }

    /// <summary>
    /// For each rule with <c>missing(...)</c> conditions, whether each record lacks a value for any of them; null for
    /// rules without conditions. A pair satisfies the conditions when either of its records lacks the value.
    /// </summary>
    private bool[]?[] Lacking(PreparedRecords records)
    {
        var lacking = new bool[]?[_rules.Length];
        for (var r = 0; r < _rules.Length; r++)
        {
            var conditions = _rules[r].Where(k => k.Function == BlockingFunction.Missing)
                .Select(k => records.Columns[Array.FindIndex(records.Comparisons, c => c.Name == k.Comparison)].Values)
                .ToArray();
            if (conditions.Length == 0)
            {
                continue;
            }

            var lacks = new bool[records.Count];
            for (var i = 0; i < lacks.Length; i++)
            {
                foreach (var values in conditions)
                {
                    lacks[i] |= values[i] is null;
                }
            }

            lacking[r] = lacks;
        }

        return lacking;
    }

    private static ulong[] RecordMajor(ulong[][] hashes, int n)
    {
        var width = hashes.Length;
        var rows = new ulong[(long)n * width];
        Parallel.For(0, (n + 65_535) / 65_536, k =>
        {
            var end = Math.Min(n, (k + 1) * 65_536);
            for (var i = k * 65_536; i < end; i++)
            {
                var at = (long)i * width;
                for (var q = 0; q < width; q++)
                {
                    rows[at + q] = hashes[q][i];
                }
            }
        });
        return rows;
    }

    private static bool Agree(ulong[] rows, int width, bool[]?[] lacking, int q, int a, int b)
    {
        var ha = rows[((long)a * width) + q];
        return ha != 0 && ha == rows[((long)b * width) + q] && (lacking[q] is not { } lacks || lacks[a] || lacks[b]);
    }

    private PairBuffer RulePairs(PreparedRecords records, ulong[] h, ulong[] rows, bool[]?[] lacking, int r, ulong[] keys, int[] order, out long agreeing)
    {
        var lacks = lacking[r];
        var buffer = new PairBuffer();
        var sourceOf = records.SourceOf;
        var n = keys.Length;
        agreeing = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            // A dropped (oversized) block has had its keys cleared.
            if (lacks is not null && end - start > 1 && h[order[start]] != 0)
            {
                // A conditional rule: only pairs with a record that lacks the value, so start from those records.
                for (var x = start; x < end; x++)
                {
                    var a = order[x];
                    if (!lacks[a])
                    {
                        continue;
                    }

                    for (var y = start; y < end; y++)
                    {
                        var b = order[y];
                        if (y == x || (lacks[b] && y < x) || (_linkType == LinkType.LinkOnly && sourceOf[a] == sourceOf[b]))
                        {
                            continue;
                        }

                        agreeing++;
                        var (lo, hi) = a < b ? (a, b) : (b, a);
                        if (!FoundByEarlierRule(rows, lacking, r, lo, hi))
                        {
                            buffer.Add(lo, hi, RuleMask(rows, lacking, r, lo, hi));
                        }
                    }
                }
            }
            else if (end - start > 1 && h[order[start]] != 0)
            {
                for (var x = start; x < end; x++)
                {
                    var a = order[x];
                    for (var y = x + 1; y < end; y++)
                    {
                        var b = order[y];
                        if (_linkType == LinkType.LinkOnly && sourceOf[a] == sourceOf[b])
                        {
                            continue;
                        }

                        agreeing++;
                        if (!FoundByEarlierRule(rows, lacking, r, a, b))
                        {
                            buffer.Add(a, b, RuleMask(rows, lacking, r, a, b));
                        }
                    }
                }
            }

            start = end;
        }

        return buffer;
    }

    private sealed class PairBuffer
    {
        public int[] Left { get; private set; } = new int[256];

        public int[] Right { get; private set; } = new int[256];

        public ushort[] Rules { get; private set; } = new ushort[256];

        public int Count { get; private set; }

        public void Add(int a, int b, ushort rules)
        {
            if (Count == Left.Length)
            {
                var size = Count * 2;
                var l = Left;
                var rr = Right;
                var m = Rules;
                Array.Resize(ref l, size);
                Array.Resize(ref rr, size);
                Array.Resize(ref m, size);
                Left = l;
                Right = rr;
                Rules = m;
            }

            Left[Count] = a;
            Right[Count] = b;
            Rules[Count] = rules;
            Count++;
        }
    }

    private static bool FoundByEarlierRule(ulong[] rows, bool[]?[] lacking, int rule, int a, int b)
    {
        var width = lacking.Length;
        for (var q = 0; q < rule; q++)
        {
            if (Agree(rows, width, lacking, q, a, b))
            {
                return true;
            }
        }

        return false;
    }

    private static ushort RuleMask(ulong[] rows, bool[]?[] lacking, int first, int a, int b)
    {
        var mask = 0;
        var width = lacking.Length;
        for (var q = first; q < width; q++)
        {
            if (Agree(rows, width, lacking, q, a, b))
            {
                mask |= 1 << q;
            }
        }

        return (ushort)mask;
    }

    internal static string? KeyPart(BlockingKey key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return key.Function switch
        {
            BlockingFunction.Value => value,
            BlockingFunction.First => value.Length <= key.Length ? value : value[..key.Length],
            BlockingFunction.Last => value.Length <= key.Length ? value : value[^key.Length..],
            BlockingFunction.Soundex => Phonetic.Soundex(value),
            BlockingFunction.Nysiis => Phonetic.Nysiis(value),
            BlockingFunction.Year => value.Length >= 4 ? value[..4] : null,
            BlockingFunction.MonthDay => value.Length == 8 ? value[4..] : null,
            _ => null,
        };
    }

    private static ulong Fnv(ulong hash, string s)
    {
        foreach (var c in s)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
