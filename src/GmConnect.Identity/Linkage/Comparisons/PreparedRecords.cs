using System.Globalization;
using GmConnect.Identity.Identifiers;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Comparisons;

/// <summary>The records with every comparison's values prepared once; all later steps work on indices.</summary>
internal sealed class PreparedRecords
{
    private PreparedRecords(int count, int[] sourceOf, int sourceCount, Comparison[] comparisons, PreparedColumn[] columns)
    {
        Count = count;
        SourceOf = sourceOf;
        SourceCount = sourceCount;
        Comparisons = comparisons;
        Columns = columns;
    }

    public int Count { get; }

    public int[] SourceOf { get; }

    public int SourceCount { get; }

    public Comparison[] Comparisons { get; }

    public PreparedColumn[] Columns { get; }

    /// <summary>Compiles the comparisons and prepares their values. Throws when a column the settings name is missing.</summary>
    public static PreparedRecords Prepare(LinkageSettings settings, RecordTable table)
    {
        var (comparisons, variants) = Compile(settings);
        foreach (var comparison in comparisons)
        {
            foreach (var column in comparison.Settings.Columns)
            {
                if (table.ColumnIndex(column) < 0)
                {
                    throw new ArgumentException($"Comparison '{comparison.Name}' reads column '{column}', which the input does not have.", nameof(table));
                }
            }
        }

        var sourceOf = new int[table.Count];
        for (var i = 0; i < sourceOf.Length; i++)
        {
            sourceOf[i] = table.SourceIndexOf(i);
        }

        var columns = new PreparedColumn[comparisons.Length];
        Parallel.For(0, comparisons.Length, c => columns[c] = PrepareColumn(comparisons[c], table, variants));
        return new PreparedRecords(table.Count, sourceOf, table.Sources.Count, comparisons, columns);
    }

    /// <summary>
    /// Records whose values are already prepared — <paramref name="value"/>(row, comparison) is what
    /// <see cref="PreparedColumn.Values"/> held for them when they were prepared from their table (null: no value) —
    /// so that real-time matching does not normalise the same candidates again for every probe. Every record counts as
    /// one source (probe scoring does not read sources). Sequential: the tables are small.
    /// </summary>
    public static PreparedRecords FromPrepared(LinkageSettings settings, int count, Func<int, int, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (comparisons, variants) = Compile(settings);
        var columns = new PreparedColumn[comparisons.Length];
        for (var c = 0; c < comparisons.Length; c++)
        {
            var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var distinct = new List<string>();
            var codes = new int[count];
            for (var i = 0; i < count; i++)
            {
                if (value(i, c) is not { } prepared)
                {
                    codes[i] = -1;
                }
                else if (!codeOf.TryGetValue(prepared, out codes[i]))
                {
                    codes[i] = distinct.Count;
                    codeOf.Add(prepared, distinct.Count);
                    distinct.Add(prepared);
                }
            }

            columns[c] = Derive(comparisons[c], codes, distinct, variants);
        }

        return new PreparedRecords(count, new int[count], 1, comparisons, columns);
    }

    private static (Comparison[] Comparisons, NameVariants? Variants) Compile(LinkageSettings settings)
    {
        var needsVariants = settings.Comparisons.Any(c => c.Levels.Any(l => l.Kind is LevelKind.NameVariant or LevelKind.NameVariantSlip));
        var variants = needsVariants ? NameVariants.Without(settings.NameVariantOriginsExcluded) : null;
        var comparisons = settings.Comparisons.Select((c, i) => new Comparison(c, i, variants)).ToArray();
        foreach (var comparison in comparisons)
        {
            var swapped = comparison.Settings.Levels.FirstOrDefault(l => l.Kind is LevelKind.Swapped or LevelKind.SwappedOne);
            if (swapped is not null)
            {
                comparison.SwappedWith = Array.FindIndex(comparisons, c => c.Name == swapped.With);
            }

            comparison.VetoUnlessExact = [.. comparison.Settings.Levels.Select(l => l.VetoUnlessExact is { } names
                ? names.Select(n => Array.FindIndex(comparisons, c => c.Name == n)).Where(i => i >= 0).ToArray()
                : null)];
        }

        return (comparisons, variants);
    }

    private static PreparedColumn PrepareColumn(Comparison comparison, RecordTable table, NameVariants? variants)
    {
        var settings = comparison.Settings;
        var columnIndices = settings.Columns.Select(table.ColumnIndex).ToArray();
        var n = table.Count;
        var isDate = comparison.Needs(LevelKind.DateDayMonthSwapped, LevelKind.DateOneDigit, LevelKind.DateWithinDays, LevelKind.DateWithinYears, LevelKind.DateSameMonthDay);
        var isPostcode = comparison.Needs(LevelKind.PostcodeArea, LevelKind.PostcodeDistrict, LevelKind.PostcodeSector);

        // Each distinct normalised value gets a code; records hold codes, and everything derived from a value
        // (phonetic codes, parts, validity, frequency) is computed once per code.
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();

        int Normalise(string raw)
        {
            string? value;
            if (settings.Identifier is { } kind)
            {
                value = IdentifierCheck.Normalise(kind, TextNormaliser.Apply(raw, settings.Transforms));
            }
            else
            {
                value = TextNormaliser.Apply(raw, settings.Transforms);
                if (value is not null && isDate)
                {
                    value = CanonicalDate(value);
                }
                else if (value is not null && isPostcode)
                {
                    value = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                }
            }

            if (value is null || settings.NullValues.Contains(value))
            {
                return -1;
            }

            if (!codeOf.TryGetValue(value, out var code))
            {
                code = distinct.Count;
                distinct.Add(value);
                codeOf.Add(value, code);
            }

            return code;
        }

        var codes = new int[n];
        if (columnIndices.Length == 1)
        {
            // The table holds each distinct raw value once: normalise those, then map each record's code.
            var (rawCodes, rawDistinct) = table.Encoded(columnIndices[0]);
            var normalised = new int[rawDistinct.Count];
            for (var d = 0; d < normalised.Length; d++)
            {
                normalised[d] = Normalise(rawDistinct[d]);
            }

            for (var i = 0; i < n; i++)
            {
                var code = rawCodes[i];
                codes[i] = code < 0 ? -1 : normalised[code];
            }
        }
        else
        {
            var cache = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var raw = string.Join(' ', columnIndices.Select(c => table.Value(c, i)).Where(v => v is not null));
                if (raw.Length == 0)
                {
                    codes[i] = -1;
                }
                else if (!cache.TryGetValue(raw, out codes[i]))
                {
                    codes[i] = Normalise(raw);
                    if (cache.Count < 200_000)
                    {
                        cache[raw] = codes[i];
                    }
                }
            }
        }

        return Derive(comparison, codes, distinct, variants);
    }

    /// <summary>The column from each record's code and the distinct prepared values: everything derived from a value, once per value.</summary>
    private static PreparedColumn Derive(Comparison comparison, int[] codes, List<string> distinct, NameVariants? variants)
    {
        var settings = comparison.Settings;
        var isPostcode = comparison.Needs(LevelKind.PostcodeArea, LevelKind.PostcodeDistrict, LevelKind.PostcodeSector);
        var values = Expand(codes, [.. distinct], null);
        var col = new PreparedColumn(values) { Codes = codes };
        if (comparison.Needs(LevelKind.Soundex))
        {
            col.Soundex = Expand(codes, [.. distinct.Select(Phonetic.Soundex)], string.Empty);
        }

        if (comparison.Needs(LevelKind.Nysiis))
        {
            col.Nysiis = Expand(codes, [.. distinct.Select(Phonetic.Nysiis)], string.Empty);
        }

        if (comparison.Needs(LevelKind.TokenOverlap) || comparison.Settings.Levels.Any(l => l.Kind == LevelKind.Jaccard && !l.Bigrams))
        {
            col.Words = Expand(codes, [.. distinct.Select(StringSimilarity.WordTokens)], []);
        }

        if (comparison.Settings.Levels.Any(l => l.Kind == LevelKind.Jaccard && l.Bigrams))
        {
            col.Bigrams = Expand(codes, [.. distinct.Select(StringSimilarity.Bigrams)], []);
        }

        if (comparison.Needs(LevelKind.DateWithinDays, LevelKind.DateWithinYears))
        {
            col.Days = Expand(codes, [.. distinct.Select(v => DayNumber(v))], int.MinValue);
        }

        if (isPostcode)
        {
            var parts = distinct.Select(v => PostcodeParts(v)).ToArray();
            col.PostcodeSector = Expand(codes, [.. parts.Select(p => p.Sector)], null);
            col.PostcodeDistrict = Expand(codes, [.. parts.Select(p => p.District)], null);
            col.PostcodeArea = Expand(codes, [.. parts.Select(p => p.Area)], null);
        }

        if (comparison.Needs(LevelKind.NumericWithin, LevelKind.NumericPercentWithin))
        {
            col.Numbers = Expand(codes, [.. distinct.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN)], double.NaN);
        }

        if (settings.Identifier is { } idKind)
        {
            col.ValidIdentifier = Expand(codes, [.. distinct.Select(v => IdentifierCheck.IsValid(idKind, v))], false);
        }

        if (variants is not null && comparison.Needs(LevelKind.NameVariant, LevelKind.NameVariantSlip))
        {
            col.NameIds = Expand(codes, [.. distinct.Select(variants.IdOf)], -1);
        }

        if (variants is not null && comparison.Needs(LevelKind.NameVariantSlip))
        {
            col.NearNames = Expand(codes, [.. distinct.Select(variants.WithinOneSlip)], []);
        }

        if (settings.TermFrequency)
        {
            var counts = new int[distinct.Count];
            var nonNull = 0;
            foreach (var code in codes)
            {
                if (code >= 0)
                {
                    nonNull++;
                    counts[code]++;
                }
            }

            col.Frequency = Expand(codes, [.. counts.Select(c => (float)c / nonNull)], 0f);
        }

        return col;
    }

    private static T[] Expand<T>(int[] codes, T[] perCode, T whenNull)
    {
        var result = new T[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            result[i] = code < 0 ? whenNull : perCode[code];
        }

        return result;
    }

    /// <summary>YYYY-MM-DD, YYYYMMDD and DD/MM/YYYY become YYYYMMDD; anything else is kept as it is.</summary>
    internal static string CanonicalDate(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 8)
        {
            return value;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash is 1 or 2)
        {
            var parts = value.Split('/');
            if (parts.Length == 3 && parts[2].Length == 4)
            {
                return parts[2] + parts[1].PadLeft(2, '0') + parts[0].PadLeft(2, '0');
            }
        }

        return digits;
    }

    internal static int DayNumber(string? yyyymmdd)
    {
        if (yyyymmdd is null || yyyymmdd.Length != 8
            || !int.TryParse(yyyymmdd.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(yyyymmdd.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(yyyymmdd.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return int.MinValue;
        }

        return new DateOnly(y, m, d).DayNumber;
    }

    /// <summary>Sector, district and area of a UK postcode without spaces (e.g. M130PL → M13 0, M13, M).</summary>
    internal static (string? Sector, string? District, string? Area) PostcodeParts(string? compact)
    {
        if (compact is null || compact.Length == 0 || !char.IsAsciiLetter(compact[0]))
        {
            return (null, null, null);
        }

        var letters = 0;
        while (letters < compact.Length && char.IsAsciiLetter(compact[letters]))
        {
            letters++;
        }

        var area = compact[..letters];
        if (compact.Length is >= 5 and <= 7 && char.IsAsciiDigit(compact[^3]) && char.IsAsciiLetter(compact[^2]) && char.IsAsciiLetter(compact[^1]))
        {
            var outward = compact[..^3];
            return (outward + " " + compact[^3], outward, area);
        }

        // An outward code alone (or something unrecognised): only the district and area can agree.
        return (null, compact.Length <= 4 ? compact : null, area);
    }
}
