namespace GmConnect.Integration.Ssda903;

/// <summary>
/// Splits CSV text into records field by field without making a string per cell: a plain field is a slice of the
/// text, and only a field with quotes or a carriage return is copied (unquoted) into a scratch buffer. The grammar is
/// exactly <see cref="GmConnect.Workbench.Model.Csv.Read"/>'s (a quote anywhere opens a quoted run, doubled quotes
/// inside one, CR dropped outside quotes, LF ends a record, a last record without LF is kept), which the importer
/// used before; a test holds the two to the same records. The text may be a string or a slice of a pooled buffer
/// (the 903 importer decodes each file into one, so that a file is not also held as a large string).
/// </summary>
internal sealed class CsvRecordReader(ReadOnlyMemory<char> text)
{
    public CsvRecordReader(string text)
        : this(text.AsMemory())
    {
    }

    private readonly List<(bool Scratch, int Start, int Length)> _fields = [];
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private int _pos;

    /// <summary>Number of fields in the current record.</summary>
    public int Count => _fields.Count;

    /// <summary>The raw (unquoted, untrimmed) text of field <paramref name="i"/> of the current record.</summary>
    public ReadOnlySpan<char> this[int i]
    {
        get
        {
            var (scratch, start, length) = _fields[i];
            return scratch ? _scratch.AsSpan(start, length) : text.Span.Slice(start, length);
        }
    }

    /// <summary>Moves to the next record; false at the end of the text.</summary>
    public bool MoveNext()
    {
        _fields.Clear();
        _scratchLength = 0;
        var chars = text.Span;
        if (_pos >= chars.Length)
        {
            return false;
        }

        var fieldStart = _pos;
        var copied = false;
        var copyStart = 0;
        var inQuotes = false;
        while (_pos < chars.Length)
        {
            var ch = chars[_pos++];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_pos < chars.Length && chars[_pos] == '"')
                    {
                        _pos++;
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    StartCopy();
                    inQuotes = true;
                    break;
                case '\r':
                    StartCopy();
                    break;
                case ',':
                    EndField(_pos - 1);
                    break;
                case '\n':
                    EndField(_pos - 1);
                    return true;
                default:
                    if (copied)
                    {
                        Append(ch);
                    }

                    break;
            }
        }

        EndField(_pos);
        return true;

        // From the first quote or CR on, the field is built in the scratch buffer (the current char is not part of it).
        void StartCopy()
        {
            if (copied)
            {
                return;
            }

            copied = true;
            copyStart = _scratchLength;
            foreach (var c in text.Span.Slice(fieldStart, _pos - 1 - fieldStart))
            {
                Append(c);
            }
        }

        void EndField(int endExclusive)
        {
            _fields.Add(copied ? (true, copyStart, _scratchLength - copyStart) : (false, fieldStart, endExclusive - fieldStart));
            fieldStart = _pos;
            copied = false;
        }
    }

    private void Append(char c)
    {
        if (_scratchLength == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }

        _scratch[_scratchLength++] = c;
    }
}
