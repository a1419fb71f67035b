namespace GmConnect.Workbench.Model;

/// <summary>
/// One authority's SSDA903 return for one collection year: every table, possibly empty. Child IDs are
/// only unique within <see cref="Authority"/>.
/// </summary>
public sealed class Ssda903Return
{
    private readonly Dictionary<ReturnTable, Ssda903Table> _tables = [];

    /// <summary>Creates an empty return.</summary>
    public Ssda903Return(string authority, CollectionYear year)
    {
        Authority = authority;
        Year = year;
        foreach (var table in Enum.GetValues<ReturnTable>())
        {
            _tables[table] = new Ssda903Table(table);
        }
    }

    /// <summary>The responsible authority (a code or name, used to keep child IDs apart).</summary>
    public string Authority { get; }

    /// <summary>The collection year.</summary>
    public CollectionYear Year { get; }

    /// <summary>Which tables were supplied (a missing table and an empty one differ for some rules).</summary>
    public ISet<ReturnTable> Supplied { get; } = new HashSet<ReturnTable>();

    /// <summary>The table (empty when not supplied).</summary>
    public Ssda903Table this[ReturnTable table] => _tables[table];

    /// <summary>Replaces a table, marking it supplied.</summary>
    public void Set(Ssda903Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables[table.Kind] = table;
        Supplied.Add(table.Kind);
    }

    /// <summary>All tables.</summary>
    public IEnumerable<Ssda903Table> Tables => _tables.Values;
}
