namespace GmConnect.Identity.Linkage.Comparisons;

/// <summary>
/// The shipped name-variant table (configs/linkage/names, embedded): each name maps to the canonical
/// names it belongs to. Two names are variants when they share a canonical name or one is the other's.
/// </summary>
internal sealed class NameVariants
{
    private static readonly Lazy<NameVariants> Shipped = new(LoadEmbedded);

    private readonly Dictionary<string, int> _ids;
    private readonly int[][] _groups;

    private NameVariants(Dictionary<string, int> ids, int[][] groups)
    {
        _ids = ids;
        _groups = groups;
    }

    public static NameVariants Default => Shipped.Value;

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

    private static NameVariants LoadEmbedded()
    {
        using var stream = typeof(NameVariants).Assembly.GetManifestResourceStream("GmConnect.Identity.name-variants.csv")
            ?? throw new InvalidOperationException("The name-variant table is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var pairs = new List<(string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length >= 2)
            {
                pairs.Add((parts[0], parts[1]));
            }
        }

        return FromPairs(pairs);
    }
}
