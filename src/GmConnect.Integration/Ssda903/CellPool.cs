namespace GmConnect.Integration.Ssda903;

/// <summary>
/// One string per distinct cleaned value of a column: codes, dates and each child's ID repeat down a 903 table, so
/// looking the span up instead of allocating a string per cell saves most of the import's allocations and memory.
/// </summary>
internal sealed class CellPool
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CellPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The cell as the table keeps it: trimmed, Excel's <c>123.0</c> turned back into <c>123</c>, null when blank or
    /// <c>nan</c> (pandas' blank) — the same as <see cref="Ssda903Importer.CleanValue"/> followed by the table's own cleaning.
    /// </summary>
    public string? Clean(ReadOnlySpan<char> raw)
    {
        var v = raw.Trim();
        if (v.Contains('.') && IsExcelInteger(v))
        {
            v = v[..v.IndexOf('.')];
        }

        if (v.Length == 0 || v.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (_lookup.TryGetValue(v, out var existing))
        {
            return existing;
        }

        var s = v.ToString();
        _values[s] = s;
        return s;
    }

    // -?\d+\.0+ in full (\d as .NET's regex reads it: any Unicode decimal digit).
    internal static bool IsExcelInteger(ReadOnlySpan<char> v)
    {
        var i = 0;
        if (i < v.Length && v[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < v.Length && char.IsDigit(v[i]))
        {
            i++;
        }

        if (i == digits || i >= v.Length || v[i] != '.')
        {
            return false;
        }

        i++;
        var zeros = i;
        while (i < v.Length && v[i] == '0')
        {
            i++;
        }

        return i > zeros && i == v.Length;
    }
}
