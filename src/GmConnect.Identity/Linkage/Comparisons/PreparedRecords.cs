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
        var needsVariants = settings.Comparisons.Any(c => c.Levels.Any(l => l.Kind == LevelKind.NameVariant));
        var variants = needsVariants ? NameVariants.Default : null;
        var comparisons = settings.Comparisons.Select((c, i) => new Comparison(c, i, variants)).ToArray();
        foreach (var comparison in comparisons)
        {
            var swapped = comparison.Settings.Levels.FirstOrDefault(l => l.Kind == LevelKind.Swapped);
            if (swapped is not null)
            {
                comparison.SwappedWith = Array.FindIndex(comparisons, c => c.Name == swapped.With);
            }

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

    private static PreparedColumn PrepareColumn(Comparison comparison, RecordTable table, NameVariants? variants)
    {
        var settings = comparison.Settings;
        var columnIndices = settings.Columns.Select(table.ColumnIndex).ToArray();
        var n = table.Count;
        var values = new string?[n];
        var isDate = comparison.Needs(LevelKind.DateDayMonthSwapped, LevelKind.DateOneDigit, LevelKind.DateWithinDays, LevelKind.DateWithinYears, LevelKind.DateSameMonthDay);
        var isPostcode = comparison.Needs(LevelKind.PostcodeArea, LevelKind.PostcodeDistrict, LevelKind.PostcodeSector);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var normalised = new Dictionary<string, string?>(StringComparer.Ordinal);
        var useCache = true;
        var hits = 0;
        for (var i = 0; i < n; i++)
        {
            // Names and postcodes repeat, phone numbers and identifiers do not: stop caching a column
            // whose first 20,000 values were nearly all different.
            if (i == 20_000 && hits < 2_000)
            {
                useCache = false;
                normalised.Clear();
            }

            string? raw;
            if (columnIndices.Length == 1)
            {
                raw = table.Value(columnIndices[0], i);
            }
            else
            {
                var parts = columnIndices.Select(c => table.Value(c, i)).Where(v => v is not null);
                raw = string.Join(' ', parts);
            }

            string? value;
            if (raw is null)
            {
                value = null;
            }
            else if (useCache && normalised.TryGetValue(raw, out var cached))
            {
                value = cached;
                hits++;
            }
            else if (settings.Identifier is { } kind)
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

            if (value is not null && settings.NullValues.Contains(value))
            {
                value = null;
            }

            if (useCache && raw is not null && !normalised.ContainsKey(raw))
            {
                // Bounded: a column of unique values (phone numbers) would otherwise hold every value twice.
                if (normalised.Count >= 100_000)
                {
                    normalised.Clear();
                }

                normalised[raw] = value;
            }

            // Many records share a value: keep one string per distinct value to save memory.
            if (value is not null)
            {
                if (interned.TryGetValue(value, out var existing))
                {
                    value = existing;
                }
                else
                {
                    interned.Add(value, value);
                }
            }

            values[i] = value;
        }

        var col = new PreparedColumn(values);
        if (comparison.Needs(LevelKind.Soundex))
        {
            col.Soundex = Map(values, interned, Phonetic.Soundex, string.Empty);
        }

        if (comparison.Needs(LevelKind.Nysiis))
        {
            col.Nysiis = Map(values, interned, Phonetic.Nysiis, string.Empty);
        }

        if (comparison.Needs(LevelKind.TokenOverlap) || comparison.Settings.Levels.Any(l => l.Kind == LevelKind.Jaccard && !l.Bigrams))
        {
            col.Words = Map(values, interned, StringSimilarity.WordTokens, []);
        }

        if (comparison.Settings.Levels.Any(l => l.Kind == LevelKind.Jaccard && l.Bigrams))
        {
            col.Bigrams = Map(values, interned, StringSimilarity.Bigrams, []);
        }

        if (comparison.Needs(LevelKind.DateWithinDays, LevelKind.DateWithinYears))
        {
            col.Days = values.Select(DayNumber).ToArray();
        }

        if (isPostcode)
        {
            var parts = Map<(string? Sector, string? District, string? Area)>(values, interned, v => PostcodeParts(v), (null, null, null));
            col.PostcodeSector = [.. parts.Select(p => p.Sector)];
            col.PostcodeDistrict = [.. parts.Select(p => p.District)];
            col.PostcodeArea = [.. parts.Select(p => p.Area)];
        }

        if (comparison.Needs(LevelKind.NumericWithin, LevelKind.NumericPercentWithin))
        {
            col.Numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        }

        if (settings.Identifier is { } idKind)
        {
            col.ValidIdentifier = values.Select(v => IdentifierCheck.IsValid(idKind, v)).ToArray();
        }

        if (variants is not null && comparison.Needs(LevelKind.NameVariant))
        {
            col.NameIds = values.Select(variants.IdOf).ToArray();
        }

        if (settings.TermFrequency)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var nonNull = 0;
            foreach (var v in values)
            {
                if (v is not null)
                {
                    nonNull++;
                    counts[v] = counts.GetValueOrDefault(v) + 1;
                }
            }

            col.Frequency = values.Select(v => v is null ? 0f : (float)counts[v] / nonNull).ToArray();
        }

        return col;
    }

    private static T[] Map<T>(string?[] values, Dictionary<string, string> distinct, Func<string, T> f, T whenNull)
    {
        // Computed once per distinct value, then looked up per record.
        var cache = new Dictionary<string, T>(distinct.Count, StringComparer.Ordinal);
        foreach (var v in distinct.Keys)
        {
            cache[v] = f(v);
        }

        var result = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is { } v ? cache[v] : whenNull;
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
