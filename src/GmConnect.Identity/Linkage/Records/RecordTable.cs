namespace GmConnect.Identity.Linkage.Records;

/// <summary>
/// The engine's input: records from one or more sources, each a key and a value per named column.
/// Values are strings as recorded (null or empty for missing); the comparisons say how to read them.
/// Each column is stored dictionary-encoded (one string per distinct value and a code per record), so that
/// repeated values (names, postcodes, dates) are held once and prepared once.
/// </summary>
public sealed class RecordTable
{
    private readonly EncodedColumn[] _columns;
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

        _columns = new EncodedColumn[Columns.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = new EncodedColumn();
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

        AddKey(source, recordId);
        for (var i = 0; i < values.Count; i++)
        {
            _columns[i].Add(values[i]);
        }
    }

    /// <summary>
    /// Adds a record whose values are slices of one buffer (a parsed CSV row, say): <paramref name="values"/>[i] is
    /// column i's slice of <paramref name="buffer"/>; an empty slice is missing. Equal values share one string, and a
    /// value seen before allocates nothing.
    /// </summary>
    public void Add(string source, string recordId, ReadOnlySpan<char> buffer, ReadOnlySpan<Range> values)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordId);
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} values, got {values.Length}.", nameof(values));
        }

        AddKey(source, recordId);
        for (var i = 0; i < values.Length; i++)
        {
            _columns[i].Add(buffer[values[i]]);
        }
    }

    /// <summary>The source of record <paramref name="row"/>.</summary>
    public string SourceOf(int row) => _sources[_sourceOf[row]];

    /// <summary>The key of record <paramref name="row"/> in its source.</summary>
    public string RecordIdOf(int row) => _recordIds[row];

    /// <summary>Index of a column, or -1.</summary>
    public int ColumnIndex(string name) => _columnIndex.TryGetValue(name, out var i) ? i : -1;

    internal int SourceIndexOf(int row) => _sourceOf[row];

    internal string? Value(int column, int row) => _columns[column].Value(row);

    /// <summary>Code of each record's value in <paramref name="column"/> (-1 for missing) and the distinct values the codes index.</summary>
    internal (int[] Codes, List<string> Distinct) Encoded(int column) => (_columns[column].Codes(Count), _columns[column].Distinct);

    private void AddKey(string source, string recordId)
    {
        if (!_sourceIndex.TryGetValue(source, out var s))
        {
            s = _sources.Count;
            _sources.Add(source);
            _sourceIndex.Add(source, s);
        }

        _sourceOf.Add(s);
        _recordIds.Add(recordId);
    }

    private sealed class EncodedColumn
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private int[] _codes = new int[1024];
        private int _count;

        public List<string> Distinct { get; } = [];

        public void Add(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                Append(-1);
                return;
            }

            if (!_index.TryGetValue(value, out var code))
            {
                code = Distinct.Count;
                Distinct.Add(value);
                _index.Add(value, code);
            }

            Append(code);
        }

        public void Add(ReadOnlySpan<char> value)
        {
            if (value.IsEmpty)
            {
                Append(-1);
                return;
            }

            var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out var code))
            {
                var text = value.ToString();
                code = Distinct.Count;
                Distinct.Add(text);
                _index.Add(text, code);
            }

            Append(code);
        }

        public string? Value(int row)
        {
            var code = _codes[row];
            return code < 0 ? null : Distinct[code];
        }

        public int[] Codes(int count) => _codes.AsSpan(0, count).ToArray();

        private void Append(int code)
        {
            if (_count == _codes.Length)
            {
                Array.Resize(ref _codes, _codes.Length * 2);
            }

            _codes[_count++] = code;
        }
    }
}
