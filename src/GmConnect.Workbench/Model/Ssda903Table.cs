namespace GmConnect.Workbench.Model;

/// <summary>
/// One table of a return as delivered: trimmed string cells (null for blank) in file order, so that the
/// validation rules can report the raw value and its 0-based row. Dates are parsed once, on first use.
/// </summary>
public sealed class Ssda903Table
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string?[]> _rows = [];
    // Parsed date columns, filled on first use; concurrent because returns are validated in parallel and a return
    // is read both as "this year" and as another return's "last year".
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DateOnly?[]> _dates = new();

    /// <summary>Creates an empty table with the DfE columns (and any extra columns given).</summary>
    public Ssda903Table(ReturnTable kind, IEnumerable<string>? extraColumns = null)
    {
        Kind = kind;
        var columns = TableSchema.Columns(kind).ToList();
        foreach (var extra in extraColumns ?? [])
        {
            if (!columns.Contains(extra, StringComparer.Ordinal))
            {
                columns.Add(extra);
            }
        }

        Columns = columns;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Which table this is.</summary>
    public ReturnTable Kind { get; }

    /// <summary>Column names, DfE columns first.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Whether the table has the column.</summary>
    public bool HasColumn(string column) => _index.ContainsKey(column);

    /// <summary>Appends a row given as column → value (missing columns are blank).</summary>
    public void Add(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = new string?[Columns.Count];
        foreach (var (column, value) in values)
        {
            if (_index.TryGetValue(column, out var i))
            {
                row[i] = Clean(value);
            }
        }

        _rows.Add(row);
        Invalidate();
    }

    /// <summary>Appends a row given in column order.</summary>
    public void AddRow(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = new string?[Columns.Count];
        for (var i = 0; i < Math.Min(values.Length, row.Length); i++)
        {
            row[i] = Clean(values[i]);
        }

        _rows.Add(row);
        Invalidate();
    }

    // Adding a row after dates were parsed makes the cached columns stale.
    private void Invalidate()
    {
        if (_datesParsed)
        {
            _dates.Clear();
            _datesParsed = false;
        }
    }

    private bool _datesParsed;

    /// <summary>The trimmed value, or null when blank or the column is absent.</summary>
    public string? Get(int row, string column) => _index.TryGetValue(column, out var i) ? _rows[row][i] : null;

    /// <summary>The child identifier of a row.</summary>
    public string Child(int row) => _rows[row][0] ?? string.Empty;

    /// <summary>The parsed date, or null when blank or invalid.</summary>
    public DateOnly? Date(int row, string column)
    {
        if (!_index.TryGetValue(column, out var i))
        {
            return null;
        }

        _datesParsed = true;
        var parsed = _dates.GetOrAdd(i, static (column, rows) =>
        {
            var values = new DateOnly?[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                values[r] = Dates.Parse(rows[r][column]);
            }

            return values;
        }, _rows);
        return parsed[row];
    }

    /// <summary>True when the cell is filled but is not a valid date.</summary>
    public bool IsInvalidDate(int row, string column) => Get(row, column) is not null && Date(row, column) is null;

    /// <summary>Row indices 0…Count−1.</summary>
    public IEnumerable<int> Rows => Enumerable.Range(0, _rows.Count);

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.Trim();
        if (v.Length == 0 || v.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return v;
    }
}
