namespace GmConnect.Identity.Text;

/// <summary>
/// String similarity and distance measures used by comparison levels. All similarities lie in [0, 1]
/// and are symmetric; distances are non-negative integers. They work on UTF-16 code units: values
/// are normalised (accents removed, case folded) before they get here.
/// </summary>
internal static class StringSimilarity
{
    private const int StackLimit = 256;

    /// <summary>Jaro similarity: 1 for equal strings, 0 when nothing matches.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        // Jaro is symmetric in theory; make the implementation so by always scanning the shorter string.
        if (a.Length > b.Length || (a.Length == b.Length && a.SequenceCompareTo(b) > 0))
        {
            var t = a;
            a = b;
            b = t;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aFlags = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bFlags = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        aFlags.Clear();
        bFlags.Clear();

        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!bFlags[j] && a[i] == b[j])
                {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aFlags[i])
            {
                continue;
            }

            while (!bFlags[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
    }

    /// <summary>Jaro–Winkler similarity with the usual prefix scale 0.1 and a prefix of at most 4.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        var max = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < max && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }

    /// <summary>Levenshtein edit distance (insert, delete, substitute).</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Levenshtein(a, b, int.MaxValue - 1);

    /// <summary>
    /// Levenshtein distance when it is at most <paramref name="max"/>; otherwise some value above
    /// <paramref name="max"/>. Stops as soon as a whole row exceeds the bound (row minima never decrease),
    /// which makes comparing unrelated values cheap.
    /// </summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (a.Length < b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        Span<int> row = b.Length + 1 <= StackLimit ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            var rowMin = row[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + cost);
                rowMin = Math.Min(rowMin, row[j]);
                diagonal = above;
            }

            if (rowMin > max)
            {
                return max + 1;
            }
        }

        return row[b.Length];
    }

    /// <summary>
    /// Damerau–Levenshtein distance in its optimal-string-alignment form: Levenshtein plus the
    /// transposition of two adjacent characters, each substring edited at most once.
    /// </summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => DamerauLevenshtein(a, b, int.MaxValue - 1);

    /// <summary>
    /// Damerau–Levenshtein (OSA) distance when it is at most <paramref name="max"/>; otherwise some value
    /// above it. Stops once two consecutive rows exceed the bound: no later cell can come back under it.
    /// </summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (a.Length < b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        var size = width * 3;
        Span<int> rows = size <= StackLimit * 3 ? stackalloc int[size] : new int[size];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var previousMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max && previousMin > max)
            {
                return max + 1;
            }

            previousMin = rowMin;

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>Number of positions that differ between two strings of equal length; -1 when the lengths differ.</summary>
    public static int Hamming(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return -1;
        }

        var d = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                d++;
            }
        }

        return d;
    }

    /// <summary>Jaccard similarity of two sorted, distinct token arrays (|A ∩ B| / |A ∪ B|); 1 when both are empty.</summary>
    public static double Jaccard(string[] a, string[] b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }

        var common = CommonTokens(a, b);
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>How many tokens two sorted, distinct token arrays share (|A ∩ B|), in one merge pass.</summary>
    public static int CommonTokens(string[] a, string[] b)
    {
        var common = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    /// <summary>Sorted distinct word tokens of a normalised value.</summary>
    public static string[] WordTokens(string value)
    {
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return Distinct(tokens);
    }

    /// <summary>
    /// Sorted distinct character bigrams of a normalised value (spaces removed), each packed into an int
    /// (first char high, second low) so that comparing two sets is a merge of integers.
    /// </summary>
    public static int[] Bigrams(string value)
    {
        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length < 2)
        {
            return compact.Length == 0 ? [] : [compact[0] << 16];
        }

        var grams = new int[compact.Length - 1];
        for (var i = 0; i < grams.Length; i++)
        {
            grams[i] = (compact[i] << 16) | compact[i + 1];
        }

        Array.Sort(grams);
        var n = 1;
        for (var i = 1; i < grams.Length; i++)
        {
            if (grams[i] != grams[n - 1])
            {
                grams[n++] = grams[i];
            }
        }

        return n == grams.Length ? grams : grams[..n];
    }

    /// <summary>Jaccard similarity of two sorted, distinct integer sets; 1 when both are empty.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }

        var common = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    private static string[] Distinct(string[] sorted)
    {
        if (sorted.Length < 2)
        {
            return sorted;
        }

        var n = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!string.Equals(sorted[i], sorted[n - 1], StringComparison.Ordinal))
            {
                sorted[n++] = sorted[i];
            }
        }

        return n == sorted.Length ? sorted : sorted[..n];
    }
}
