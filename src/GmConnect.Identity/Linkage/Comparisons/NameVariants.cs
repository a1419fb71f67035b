using GmConnect.Identity.Text;

namespace GmConnect.Identity.Linkage.Comparisons;

/// <summary>
/// The shipped name-variant table (configs/linkage/names, embedded): each name maps to the canonical
/// names it belongs to. Two names are variants when they share a canonical name or one is the other's.
/// </summary>
internal sealed class NameVariants
{
    private static readonly Lazy<(string Canonical, string Variant, string Origin)[]> ShippedRows = new(ReadEmbedded);
    private static readonly Lazy<NameVariants> Shipped = new(() => FromPairs(ShippedRows.Value.Select(r => (r.Canonical, r.Variant))));
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NameVariants> Filtered = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _ids;
    private readonly int[][] _groups;
    private readonly Lazy<Dictionary<string, int[]>> _deletions;
    private readonly Lazy<string[]> _names;

    private NameVariants(Dictionary<string, int> ids, int[][] groups)
    {
        _ids = ids;
        _groups = groups;
        _deletions = new Lazy<Dictionary<string, int[]>>(BuildDeletions);
        _names = new Lazy<string[]>(() =>
        {
            var names = new string[ids.Count];
            foreach (var (name, id) in ids)
            {
                names[id] = name;
            }

            return names;
        });
    }

    public static NameVariants Default => Shipped.Value;

    /// <summary>The origins of the shipped table's pairs (<c>nicknames</c>, <c>ons-forename</c>, <c>ons-surname</c>, <c>gm-curated</c>).</summary>
    public static IReadOnlySet<string> Origins => ShippedRows.Value.Select(r => r.Origin).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A fingerprint (SHA-256, hex) of the table <see cref="Without"/> gives for these origins: its (canonical, variant)
    /// pairs, sorted. A model trained with one table has m and u for its variant levels that another table would not
    /// give, so the Identity Manager's settings fingerprint includes it.
    /// </summary>
    public static string ContentFingerprint(IReadOnlyCollection<string> excludedOrigins)
    {
        ArgumentNullException.ThrowIfNull(excludedOrigins);
        var pairs = ShippedRows.Value.Where(r => !excludedOrigins.Contains(r.Origin)).Select(r => r.Canonical + "," + r.Variant)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var text = string.Join('\n', pairs);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The shipped table without the pairs of the given origins (the table itself when none are given).</summary>
    public static NameVariants Without(IReadOnlyCollection<string> origins)
    {
        if (origins.Count == 0)
        {
            return Default;
        }

        var key = string.Join(',', origins.Order(StringComparer.Ordinal));
        return Filtered.GetOrAdd(key, _ =>
            FromPairs(ShippedRows.Value.Where(r => !origins.Contains(r.Origin)).Select(r => (r.Canonical, r.Variant))));
    }

    public int Count => _ids.Count;

    /// <summary>Builds a table from (canonical, variant) pairs.</summary>
    public static NameVariants FromPairs(IEnumerable<(string Canonical, string Variant)> pairs)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<List<int>>();
        int Id(string name)
        {
            if (!ids.TryGetValue(name, out var id))
            {
                id = ids.Count;
                ids.Add(name, id);
                groups.Add([]);
            }

            return id;
        }

        foreach (var (canonical, variant) in pairs)
        {
            var c = Id(canonical);
            var v = Id(variant);
            groups[v].Add(c);
        }

        // Every name is in its own group, so that "a canonical name and its variant" is a shared group too.
        var sorted = new int[groups.Count][];
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].Add(i);
            sorted[i] = [.. groups[i].Distinct().Order()];
        }

        return new NameVariants(ids, sorted);
    }

    /// <summary>The name's index in the table, or -1.</summary>
    public int IdOf(string? name) => name is not null && _ids.TryGetValue(name, out var id) ? id : -1;

    /// <summary>Whether two names (by index) are variants of one another.</summary>
    public bool AreVariants(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var x = _groups[a];
        var y = _groups[b];
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                return true;
            }

            if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>
    /// The table's names within one slip of <paramref name="name"/> (one letter inserted, deleted, changed, or two
    /// neighbours transposed), the name itself included when listed; empty when there are none. Names shorter than
    /// four letters get only themselves: one slip in a three-letter name is a different name as often as not.
    /// </summary>
    public int[] WithinOneSlip(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return [];
        }

        var own = IdOf(name);
        if (name.Length < 4)
        {
            return own >= 0 ? [own] : [];
        }

        // Symmetric deletion: two strings within one edit share the string itself or a one-letter deletion.
        var deletions = _deletions.Value;
        var found = new HashSet<int>();
        if (own >= 0)
        {
            found.Add(own);
        }

        foreach (var candidate in Deletions(name).Append(name))
        {
            if (deletions.TryGetValue(candidate, out var ids))
            {
                foreach (var id in ids)
                {
                    if (!found.Contains(id) && StringSimilarity.DamerauLevenshtein(name, _names.Value[id], 1) <= 1)
                    {
                        found.Add(id);
                    }
                }
            }
        }

        return [.. found.Order()];
    }

    /// <summary>Whether some name within one slip of a listed name in <paramref name="near"/> is a variant of <paramref name="other"/>.</summary>
    public bool AnyVariant(int[] near, int other)
    {
        if (other < 0)
        {
            return false;
        }

        foreach (var id in near)
        {
            if (AreVariants(id, other))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<string, int[]> BuildDeletions()
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (name, id) in _ids)
        {
            if (name.Length < 4)
            {
                continue;
            }

            foreach (var key in Deletions(name).Append(name))
            {
                (lists.TryGetValue(key, out var list) ? list : lists[key] = []).Add(id);
            }
        }

        return lists.ToDictionary(x => x.Key, x => x.Value.Distinct().ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Deletions(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            yield return string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1));
        }
    }

    private static (string Canonical, string Variant, string Origin)[] ReadEmbedded()
    {
        using var stream = typeof(NameVariants).Assembly.GetManifestResourceStream("GmConnect.Identity.name-variants.csv")
            ?? throw new InvalidOperationException("The name-variant table is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length >= 2)
            {
                rows.Add((parts[0], parts[1], parts.Length >= 3 ? parts[2] : string.Empty));
            }
        }

        return [.. rows];
    }
}
