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
            var rule = _rules[r];
            var columns = rule.Select(k => Array.FindIndex(records.Comparisons, c => c.Name == k.Comparison)).ToArray();
            var seconds = rule.Select(k => k.Second is null ? -1 : Array.FindIndex(records.Comparisons, c => c.Name == k.Second)).ToArray();
            var h = new ulong[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var hash = 14695981039346656037UL;
                for (var k = 0; k < rule.Length; k++)
                {
                    var part = seconds[k] < 0
                        ? KeyPart(rule[k], records.Columns[columns[k]].Values[i])
                        : SortedSoundex(records.Columns[columns[k]].Values[i], records.Columns[seconds[k]].Values[i]);
                    if (string.IsNullOrEmpty(part))
                    {
                        hash = 0;
                        break;
                    }

                    hash = Fnv(hash, part);
                    hash = (hash ^ 0x1F) * 1099511628211UL;
                }

                h[i] = hash;
            }

            hashes[r] = h;
        });
        return hashes;
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
        var done = 0;
        // Every rule's oversized blocks go first: a rule's pairs consult the earlier rules' keys.
        Parallel.For(0, _rules.Length, r => skipped[r] = DropOversizedBlocks(hashes[r]));
        Parallel.For(0, _rules.Length, r =>
        {
            buffers[r] = RulePairs(records, hashes, r, out perRule[r]);
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

    private PairBuffer RulePairs(PreparedRecords records, ulong[][] hashes, int r, out long agreeing)
    {
        var buffer = new PairBuffer();
        var sourceOf = records.SourceOf;
        var n = records.Count;
        var h = hashes[r];
        var order = new int[n];
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = h[i];
        }

        Array.Sort(keys, order);
        agreeing = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (keys[start] != 0 && end - start > 1)
            {
                // Records in a block in index order, so that left < right without a swap.
                Array.Sort(order, start, end - start);
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
                        if (!FoundByEarlierRule(hashes, r, a, b))
                        {
                            buffer.Add(a, b, RuleMask(hashes, r, a, b));
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

    /// <summary>
    /// Sets the key of every record in a block larger than <c>max_block_size</c> to "no key", so that the block
    /// yields no pairs and no later rule mistakes a pair in it for one an earlier rule already emitted.
    /// </summary>
    private long DropOversizedBlocks(ulong[] keys)
    {
        if (_maxBlockSize == int.MaxValue)
        {
            return 0;
        }

        var sizes = new Dictionary<ulong, int>();
        foreach (var key in keys)
        {
            if (key != 0)
            {
                sizes[key] = sizes.GetValueOrDefault(key) + 1;
            }
        }

        var dropped = sizes.Where(kv => kv.Value > _maxBlockSize).Select(kv => kv.Key).ToHashSet();
        if (dropped.Count > 0)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (dropped.Contains(keys[i]))
                {
                    keys[i] = 0;
                }
            }
        }

        return dropped.Count;
    }

    private static bool FoundByEarlierRule(ulong[][] hashes, int rule, int a, int b)
    {
        for (var q = 0; q < rule; q++)
        {
            var ha = hashes[q][a];
            if (ha != 0 && ha == hashes[q][b])
            {
                return true;
            }
        }

        return false;
    }

    private static ushort RuleMask(ulong[][] hashes, int first, int a, int b)
    {
        var mask = 0;
        for (var q = first; q < hashes.Length; q++)
        {
            var ha = hashes[q][a];
            if (ha != 0 && ha == hashes[q][b])
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
