using System.Text;

namespace GmConnect.Integration.Csv;

/// <summary>
/// Reads RFC 4180 records one at a time from a text stream, keeping each record's starting line
/// and raw text so that a bad row can be reported by line and set aside intact.
/// </summary>
/// <remarks>
/// We accept LF and CRLF line ends and skip blank lines. A malformed record (a stray quote, text
/// after a closing quote, an unterminated quoted field) is returned with an error rather than
/// thrown: one bad row must not stop an import.
/// </remarks>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private long _line = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the stream.</summary>
    public bool TryRead(List<string> fields, StringBuilder raw, out long startLine, out string? error)
    {
        fields.Clear();
        raw.Clear();
        error = null;

        // Skip blank lines between records.
        int c;
        while ((c = Peek()) == '\n' || c == '\r')
        {
            Next();
            if (c == '\n')
            {
                _line++;
            }
        }

        startLine = _line;
        if (c < 0)
        {
            return false;
        }

        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            c = Next();
            if (c < 0)
            {
                if (quoted)
                {
                    error ??= "the row ends inside a quoted field (a closing quote is missing)";
                }

                fields.Add(_field.ToString());
                return true;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        raw.Append("\"\"");
                        _field.Append('"');
                        continue;
                    }

                    quoted = false;
                    afterQuote = true;
                    raw.Append(ch);
                    continue;
                }

                if (ch == '\n')
                {
                    _line++;
                }

                raw.Append(ch);
                _field.Append(ch);
                continue;
            }

            switch (ch)
            {
                case ',':
                    raw.Append(ch);
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return true;
                case '"' when _field.Length == 0 && !afterQuote:
                    quoted = true;
                    raw.Append(ch);
                    break;
                default:
                    raw.Append(ch);
                    if (afterQuote)
                    {
                        error ??= "text follows a closing quote in a field";
                    }
                    else if (ch == '"')
                    {
                        error ??= "a quote appears inside an unquoted field";
                    }

                    _field.Append(ch);
                    break;
            }
        }
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
