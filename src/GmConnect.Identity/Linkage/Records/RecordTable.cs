namespace GmConnect.Identity.Linkage.Records;

/// <summary>
/// The engine's input: records from one or more sources, each a key and a value per named column.
/// Values are strings as recorded (null or empty for missing); the comparisons say how to read them.
/// </summary>
public sealed class RecordTable
{
    private readonly List<string?>[] _values;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly List<int> _sourceOf = [];
    private readonly List<string> _recordIds = [];
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, int> _sourceIndex = new(StringComparer.Ordinal);

    /// <summary>Creates an empty table with the given column names.</summary>
    public RecordTable(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!_columnIndex.TryAdd(Columns[i], i))
            {
                throw new ArgumentException($"Column '{Columns[i]}' appears twice.", nameof(columns));
            }
        }

        _values = new List<string?>[Columns.Count];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = [];
        }
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of records.</summary>
    public int Count => _recordIds.Count;

    /// <summary>The distinct source names, in order of first appearance.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Adds a record; <paramref name="values"/> are in <see cref="Columns"/> order.</summary>
    public void Add(string source, string recordId, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} values, got {values.Count}.", nameof(values));
        }

        if (!_sourceIndex.TryGetValue(source, out var s))
        {
            s = _sources.Count;
            _sources.Add(source);
            _sourceIndex.Add(source, s);
        }

        _sourceOf.Add(s);
        _recordIds.Add(recordId);
        for (var i = 0; i < values.Count; i++)
        {
            _values[i].Add(string.IsNullOrEmpty(values[i]) ? null : values[i]);
        }
    }

    /// <summary>The source of record <paramref name="row"/>.</summary>
    public string SourceOf(int row) => _sources[_sourceOf[row]];

    /// <summary>The key of record <paramref name="row"/> in its source.</summary>
    public string RecordIdOf(int row) => _recordIds[row];

    /// <summary>Index of a column, or -1.</summary>
    public int ColumnIndex(string name) => _columnIndex.TryGetValue(name, out var i) ? i : -1;

    internal int SourceIndexOf(int row) => _sourceOf[row];

    internal string? Value(int column, int row) => _values[column][row];
}
