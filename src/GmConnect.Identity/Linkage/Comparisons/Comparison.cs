using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Comparisons;

/// <summary>
/// A compiled comparison: gives each pair of records a level. Level 0 is the null level (either value
/// missing), levels 1…n are the settings' levels in order, level n + 1 is "else".
/// </summary>
internal sealed class Comparison
{
    private readonly LevelSettings[] _levels;
    private readonly LevelKind[] _kinds;
    private readonly NameVariants? _variants;
    private readonly int _maxLevenshtein;
    private readonly int _maxDamerau;

    public Comparison(ComparisonSettings settings, int index, NameVariants? variants)
    {
        Settings = settings;
        Index = index;
        _levels = [.. settings.Levels];
        _kinds = [.. _levels.Select(l => l.Kind)];
        _variants = variants;
        ExactLevel = Array.IndexOf(_kinds, LevelKind.Exact) + 1;
        _maxLevenshtein = (int)_levels.Where(l => l.Kind == LevelKind.Levenshtein).Select(l => l.Max).DefaultIfEmpty(0).Max();
        _maxDamerau = (int)_levels.Where(l => l.Kind == LevelKind.DamerauLevenshtein).Select(l => l.Max).DefaultIfEmpty(0).Max();
        LevelCount = _levels.Length + 2;
    }

    public ComparisonSettings Settings { get; }

    public int Index { get; }

    public string Name => Settings.Name;

    /// <summary>Null + settings levels + else.</summary>
    public int LevelCount { get; }

    /// <summary>The level number of the first exact level, or 0 when there is none.</summary>
    public int ExactLevel { get; }

    /// <summary>Index of the comparison a swapped level refers to (resolved after all are built).</summary>
    public int SwappedWith { get; set; } = -1;

    /// <summary>Whether a pair at this level must not be linked automatically.</summary>
    public bool IsVeto(int level) =>
        level == LevelCount - 1 ? Settings.VetoElse : level > 0 && _levels[level - 1].Veto;

    public bool HasVeto => Settings.VetoElse || _levels.Any(l => l.Veto);

    /// <summary>Per level (0-based settings level), the comparisons whose exact agreement lifts its veto; resolved after all are built.</summary>
    public int[]?[] VetoUnlessExact { get; set; } = [];

    /// <summary>
    /// Whether a pair with comparison vector <paramref name="gamma"/> must not be linked because of this comparison: its
    /// level is a veto, and the level's <c>veto_unless_exact</c> comparisons (if any) do not all agree exactly.
    /// </summary>
    public bool IsVeto(int level, ulong gamma, Comparison[] all)
    {
        if (!IsVeto(level))
        {
            return false;
        }

        if (level <= 0 || level > VetoUnlessExact.Length || VetoUnlessExact[level - 1] is not { } unless)
        {
            return true;
        }

        foreach (var k in unless)
        {
            var exact = all[k].ExactLevel;
            if (exact == 0 || Scoring.ComparisonVectors.LevelOf(gamma, k) != exact)
            {
                return true;
            }
        }

        return false;
    }

    public bool Needs(params LevelKind[] kinds) => _kinds.Any(kinds.Contains);

    public string LevelLabel(int level) =>
        level == 0 ? "null" : level == LevelCount - 1 ? "else" : _levels[level - 1].Label;

    public LevelSettings? LevelSettings(int level) => level <= 0 || level >= LevelCount - 1 ? null : _levels[level - 1];

    /// <summary>The level of the pair (a, b).</summary>
    public int Level(PreparedColumn[] columns, int a, int b) => Evaluate(columns, a, b, skipSwapped: false);

    /// <summary>
    /// The level of the pair (a, b), remembering in <paramref name="cache"/> the level each pair of distinct values
    /// gets: a level depends only on the two values (and what is derived from them), except a swapped level, which
    /// also reads the other comparison's values and is tested afresh. Same result as the uncached overload.
    /// </summary>
    public int Level(PreparedColumn[] columns, int a, int b, LevelCache cache)
    {
        var codes = columns[Index].Codes;
        if (codes is null)
        {
            return Evaluate(columns, a, b, skipSwapped: false);
        }

        var ca = codes[a];
        var cb = codes[b];
        if (ca < 0 || cb < 0)
        {
            return 0;
        }

        if (ca == cb && ExactLevel == 1)
        {
            return 1;
        }

        var key = ca < cb ? ((ulong)(uint)ca << 32) | (uint)cb : ((ulong)(uint)cb << 32) | (uint)ca;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - LevelCache.Bits));
        int level;
        if (cache.Keys[slot] == key + 1)
        {
            level = cache.Levels[slot];
        }
        else
        {
            level = Evaluate(columns, a, b, skipSwapped: true);
            cache.Keys[slot] = key + 1;
            cache.Levels[slot] = (byte)level;
        }

        if (SwappedWith >= 0)
        {
            for (var i = 0; i < level - 1 && i < _kinds.Length; i++)
            {
                if ((_kinds[i] == LevelKind.Swapped && SwappedHit(columns, a, b, _levels[i])) || (_kinds[i] == LevelKind.SwappedOne && SwappedOneHit(columns, a, b)))
                {
                    return i + 1;
                }
            }
        }

        return level;
    }

    private bool SwappedHit(PreparedColumn[] columns, int a, int b, LevelSettings level) =>
        level.Threshold >= 1.0
            ? string.Equals(columns[Index].Values[a], columns[SwappedWith].Values[b], StringComparison.Ordinal)
                && string.Equals(columns[SwappedWith].Values[a], columns[Index].Values[b], StringComparison.Ordinal)
                && columns[Index].Values[a] is not null
            : SwappedClose(columns, a, b, level.Threshold);

    private int Evaluate(PreparedColumn[] columns, int a, int b, bool skipSwapped)
    {
        var col = columns[Index];
        var va = col.Values[a];
        var vb = col.Values[b];
        if (va is null || vb is null)
        {
            return 0;
        }

        var equal = col.Codes is { } codes ? codes[a] == codes[b] : string.Equals(va, vb, StringComparison.Ordinal);
        var jw = double.NaN;
        var jaro = double.NaN;
        var lev = -1;
        var dl = -1;
        for (var i = 0; i < _kinds.Length; i++)
        {
            var level = _levels[i];
            bool hit;
            switch (_kinds[i])
            {
                case LevelKind.Exact:
                    hit = equal;
                    break;
                case LevelKind.JaroWinkler:
                    if (double.IsNaN(jw))
                    {
                        jw = equal ? 1.0 : StringSimilarity.JaroWinkler(va, vb);
                    }

                    hit = jw >= level.Threshold;
                    break;
                case LevelKind.Jaro:
                    if (double.IsNaN(jaro))
                    {
                        jaro = equal ? 1.0 : StringSimilarity.Jaro(va, vb);
                    }

                    hit = jaro >= level.Threshold;
                    break;
                case LevelKind.Levenshtein:
                    if (lev < 0)
                    {
                        lev = equal ? 0 : Math.Abs(va.Length - vb.Length) > _maxLevenshtein ? int.MaxValue : StringSimilarity.Levenshtein(va, vb, _maxLevenshtein);
                    }

                    hit = lev <= level.Max;
                    break;
                case LevelKind.DamerauLevenshtein:
                    if (dl < 0)
                    {
                        dl = equal ? 0 : Math.Abs(va.Length - vb.Length) > _maxDamerau ? int.MaxValue : StringSimilarity.DamerauLevenshtein(va, vb, _maxDamerau);
                    }

                    hit = dl <= level.Max;
                    break;
                case LevelKind.Jaccard:
                    hit = level.Bigrams
                        ? StringSimilarity.Jaccard(col.Bigrams![a], col.Bigrams[b]) >= level.Threshold
                        : StringSimilarity.Jaccard(col.Words![a], col.Words[b]) >= level.Threshold;
                    break;
                case LevelKind.TokenOverlap:
                    hit = StringSimilarity.CommonTokens(col.Words![a], col.Words[b]) >= level.Min;
                    break;
                case LevelKind.Soundex:
                    hit = col.Soundex![a].Length > 0 && string.Equals(col.Soundex[a], col.Soundex[b], StringComparison.Ordinal);
                    break;
                case LevelKind.Nysiis:
                    hit = col.Nysiis![a].Length > 0 && string.Equals(col.Nysiis[a], col.Nysiis[b], StringComparison.Ordinal);
                    break;
                case LevelKind.NameVariant:
                    hit = equal || _variants!.AreVariants(col.NameIds![a], col.NameIds[b]);
                    break;
                case LevelKind.Swapped:
                    hit = !skipSwapped && SwappedHit(columns, a, b, level);
                    break;
                case LevelKind.SwappedOne:
                    hit = !skipSwapped && SwappedOneHit(columns, a, b);
                    break;
                case LevelKind.NameVariantSlip:
                    hit = equal || _variants!.AnyVariant(col.NearNames![a], col.NameIds![b]) || _variants.AnyVariant(col.NearNames[b], col.NameIds[a]);
                    break;
                case LevelKind.DateDayMonthSwapped:
                    hit = !equal && va.Length == 8 && vb.Length == 8 && va.AsSpan(0, 4).SequenceEqual(vb.AsSpan(0, 4))
                        && va.AsSpan(4, 2).SequenceEqual(vb.AsSpan(6, 2)) && va.AsSpan(6, 2).SequenceEqual(vb.AsSpan(4, 2));
                    break;
                case LevelKind.DateSameMonthDay:
                    hit = !equal && va.Length == 8 && vb.Length == 8 && va.AsSpan(4, 4).SequenceEqual(vb.AsSpan(4, 4));
                    break;
                case LevelKind.DateOneDigit:
                    hit = StringSimilarity.Hamming(va, vb) == 1;
                    break;
                case LevelKind.DateWithinYears:
                    hit = DaysApart(col, a, b) <= level.Window * 366;
                    break;
                case LevelKind.DateWithinDays:
                    hit = DaysApart(col, a, b) <= level.Window;
                    break;
                case LevelKind.PostcodeSector:
                    hit = EqualNotNull(col.PostcodeSector![a], col.PostcodeSector[b]);
                    break;
                case LevelKind.PostcodeDistrict:
                    hit = EqualNotNull(col.PostcodeDistrict![a], col.PostcodeDistrict[b]);
                    break;
                case LevelKind.PostcodeArea:
                    hit = EqualNotNull(col.PostcodeArea![a], col.PostcodeArea[b]);
                    break;
                case LevelKind.NumericWithin:
                    hit = Math.Abs(col.Numbers![a] - col.Numbers[b]) <= level.Max;
                    break;
                case LevelKind.NumericPercentWithin:
                    var x = col.Numbers![a];
                    var y = col.Numbers[b];
                    var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                    hit = scale == 0 ? x == y : Math.Abs(x - y) / scale <= level.Max;
                    break;
                case LevelKind.IdentifierAgree:
                    hit = equal && col.ValidIdentifier![a];
                    break;
                case LevelKind.IdentifierDisagree:
                    hit = !equal && col.ValidIdentifier![a] && col.ValidIdentifier[b];
                    break;
                default:
                    hit = false;
                    break;
            }

            if (hit)
            {
                return i + 1;
            }
        }

        return LevelCount - 1;
    }

    /// <summary>One name in the other's field: this value equals the other record's <c>with</c> value (either way round).</summary>
    private bool SwappedOneHit(PreparedColumn[] columns, int a, int b)
    {
        var own = columns[Index].Values;
        var other = columns[SwappedWith].Values;
        return (own[a] is { } x && string.Equals(x, other[b], StringComparison.Ordinal))
            || (own[b] is { } y && string.Equals(y, other[a], StringComparison.Ordinal));
    }

    /// <summary>
    /// Swapped with spelling slips: each value is close to the other record's <c>with</c> value — equal, listed
    /// variants of one another, or Jaro–Winkler at least <paramref name="threshold"/>.
    /// </summary>
    private bool SwappedClose(PreparedColumn[] columns, int a, int b, double threshold)
    {
        var own = columns[Index];
        var other = columns[SwappedWith];
        return Close(own, a, other, b, threshold) && Close(other, a, own, b, threshold);
    }

    private bool Close(PreparedColumn x, int a, PreparedColumn y, int b, double threshold)
    {
        var va = x.Values[a];
        var vb = y.Values[b];
        if (va is null || vb is null)
        {
            return false;
        }

        if (string.Equals(va, vb, StringComparison.Ordinal))
        {
            return true;
        }

        if (_variants is not null && x.NameIds is { } ia && y.NameIds is { } ib && _variants.AreVariants(ia[a], ib[b]))
        {
            return true;
        }

        return StringSimilarity.JaroWinkler(va, vb) >= threshold;
    }

    private static bool EqualNotNull(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.Ordinal);

    private static double DaysApart(PreparedColumn col, int a, int b)
    {
        var x = col.Days![a];
        var y = col.Days[b];
        return x == int.MinValue || y == int.MinValue ? double.PositiveInfinity : Math.Abs(x - y);
    }
}

/// <summary>A small direct-mapped memory of (value code, value code) → level for one comparison; one per thread.</summary>
internal sealed class LevelCache
{
    public const int Bits = 16;

    public ulong[] Keys { get; } = new ulong[1 << Bits];

    public byte[] Levels { get; } = new byte[1 << Bits];
}
