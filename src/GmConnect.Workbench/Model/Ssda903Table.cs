namespace GmConnect.Workbench.Model;

/// <summary>
/// One table of a return as delivered: trimmed string cells (null for blank) in file order, so that the
/// validation rules can report the raw value and its 0-based row. Dates are parsed once, on first use.
/// </summary>
/// <remarks>
/// Cells are stored column by column (one array per column) rather than one array per row: a GM import holds about half
/// a million rows for the whole run, and an array per row was that many long-lived objects for the collector to
/// mark and copy through its generations; a dozen arrays per table are not.
/// </remarks>
public sealed class Ssda903Table
{
    private readonly Dictionary<string, int> _index;
    // The column names as an array, searched by reference first: rules name columns with literals, which are interned,
    // as are the schema's names, so a handful of pointer comparisons find the column without hashing the string.
    private readonly string[] _names;
    // _cells[column][row] for row < _count; each column array has the same capacity.
    private readonly string?[][] _cells;
    private int _count;
    // Parsed date columns by column index, filled on first use. Returns are validated in parallel and a return is read
    // both as "this year" and as another return's "last year", so a column is published with a compare-exchange
    // (two threads may parse the same column once each; both results are equal).
    private DateOnly?[]?[] _dates;

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
        _names = [.. columns];
        _dates = new DateOnly?[]?[columns.Count];
        _cells = new string?[columns.Count][];
        Array.Fill(_cells, []);
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Which table this is.</summary>
    public ReturnTable Kind { get; }

    /// <summary>Column names, DfE columns first.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _count;

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

        Append(row);
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

        Append(row);
    }

    /// <summary>
    /// Appends a row already in column order and cleaned as the table cleans (trimmed; blank and <c>nan</c> as null):
    /// importers that clean cells as they read them use it. The cells are copied into the table's columns, so the
    /// caller may reuse <paramref name="row"/> for the next row.
    /// </summary>
    public void AddCleanRow(ReadOnlySpan<string?> row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(row.Length, _names.Length);
        Append(row);
    }

    /// <summary>Makes room for <paramref name="rows"/> rows in all, so that an importer that knows its row count up front grows each column once.</summary>
    public void EnsureCapacity(int rows)
    {
        if (rows > _cells[0].Length)
        {
            for (var c = 0; c < _cells.Length; c++)
            {
                Array.Resize(ref _cells[c], rows);
            }
        }
    }

    private void Append(ReadOnlySpan<string?> row)
    {
        if (_count == _cells[0].Length)
        {
            EnsureCapacity(Math.Max(16, _count * 2));
        }

        for (var c = 0; c < row.Length; c++)
        {
            _cells[c][_count] = row[c];
        }

        _count++;
        Invalidate();
    }

    // Adding a row after dates were parsed makes the cached columns stale.
    private void Invalidate()
    {
        if (_datesParsed)
        {
            _dates = new DateOnly?[]?[_names.Length];
            _datesParsed = false;
        }
    }

    private bool _datesParsed;

    /// <summary>The index of <paramref name="column"/> in <see cref="Columns"/>, or −1 when the table does not have it.</summary>
    public int ColumnIndex(string column)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], column))
            {
                return i;
            }
        }

        // A column the table does not have (UASC and DUC on a CSV header, asked of every row) would be hashed on every
        // call: names found absent are remembered by reference too. Readers on other threads see either the old or
        // the new array; a name added twice by a race is harmless.
        var absent = Volatile.Read(ref _absent);
        for (var i = 0; i < absent.Length; i++)
        {
            if (ReferenceEquals(absent[i], column))
            {
                return -1;
            }
        }

        if (_index.TryGetValue(column, out var found))
        {
            return found;
        }

        if (absent.Length < 16)
        {
            Volatile.Write(ref _absent, [.. absent, column]);
        }

        return -1;
    }

    private string[] _absent = [];

    /// <summary>The trimmed value, or null when blank or the column is absent.</summary>
    public string? Get(int row, string column)
    {
        var i = ColumnIndex(column);
        return i >= 0 ? Cell(row, i) : null;
    }

    /// <summary>The trimmed value in the column at <paramref name="column"/> (see <see cref="ColumnIndex"/>).</summary>
    public string? Get(int row, int column) => Cell(row, column);

    /// <summary>The child identifier of a row.</summary>
    public string Child(int row) => Cell(row, 0) ?? string.Empty;

    private string? Cell(int row, int column)
    {
        // The column arrays have spare capacity past the last row; a row beyond it is a caller's bug, as it was with a list.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)_count, nameof(row));
        return _cells[column][row];
    }

    /// <summary>The parsed date, or null when blank or invalid.</summary>
    public DateOnly? Date(int row, string column)
    {
        var i = ColumnIndex(column);
        return i >= 0 ? DateColumn(i)[row] : null;
    }

    /// <summary>Every row's parsed date in the column at <paramref name="column"/> (null when blank or invalid).</summary>
    public IReadOnlyList<DateOnly?> DatesOf(int column) => DateColumn(column);

    private DateOnly?[] DateColumn(int column)
    {
        var dates = _dates;
        var parsed = Volatile.Read(ref dates[column]);
        if (parsed is not null)
        {
            return parsed;
        }

        _datesParsed = true;
        var values = new DateOnly?[_count];
        var cells = _cells[column];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = Dates.Parse(cells[r]);
        }

        return Interlocked.CompareExchange(ref dates[column], values, null) ?? values;
    }

    /// <summary>True when the cell is filled but is not a valid date.</summary>
    public bool IsInvalidDate(int row, string column) => Get(row, column) is not null && Date(row, column) is null;

    /// <summary>Row indices 0…Count−1.</summary>
    public IEnumerable<int> Rows => Enumerable.Range(0, _count);

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
