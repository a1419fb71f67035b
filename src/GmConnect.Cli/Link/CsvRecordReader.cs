using System.Text;
using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Cli.Link;

/// <summary>
/// TEMPORARY ADAPTER, to be replaced by the person-records CSV reader of GmConnect.Integration when it
/// lands on main. Reads CSV files (RFC 4180 quoting, header row, UTF-8) into a <see cref="RecordTable"/>.
/// Header names and unquoted values are trimmed (FEBRL separates fields with ", "); an empty value is missing.
/// The table's columns are the union of the files' headers (or only the <c>wanted</c> ones).
/// Rows are parsed in place into one buffer and handed to the table as slices, so a value the table has
/// seen before costs no allocation.
/// </summary>
internal static class CsvRecordReader
{
    public static RecordTable Read(IReadOnlyList<FileInfo> files, string idColumn, string? sourceColumn, IReadOnlyCollection<string>? wanted = null)
    {
        // Headers first (for the union of columns), then each file streamed row by row into the table.
        var columns = new List<string>();
        foreach (var file in files)
        {
            foreach (var name in Rows(file).FirstOrDefault() ?? [])
            {
                if (!columns.Contains(name, StringComparer.Ordinal) && (wanted is null || wanted.Contains(name) || name == idColumn))
                {
                    columns.Add(name);
                }
            }
        }

        var table = new RecordTable(columns);
        var row = new CsvRow();
        var values = new Range[columns.Count];
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var sourceLookup = sources.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var file in files)
        {
            string[]? header = null;
            int idIndex = -1, sourceIndex = -1;
            int[] map = [];
            var stem = Path.GetFileNameWithoutExtension(file.Name);
            var record = 0;
            using var reader = new StreamReader(file.FullName, Encoding.UTF8, true, 1 << 16);
            while (row.ReadFrom(reader))
            {
                record++;
                if (header is null)
                {
                    header = row.ToStrings();
                    idIndex = Array.IndexOf(header, idColumn);
                    if (idIndex < 0)
                    {
                        throw new InvalidDataException($"{file.Name}: no '{idColumn}' column.");
                    }

                    sourceIndex = sourceColumn is null ? -1 : Array.IndexOf(header, sourceColumn);
                    map = [.. columns.Select(c => Array.IndexOf(header, c))];
                    continue;
                }

                if (row.Count == 1 && row.Field(0).IsEmpty)
                {
                    continue;
                }

                if (row.Count != header.Length)
                {
                    throw new InvalidDataException($"{file.Name}: record {record} has {row.Count} fields, the header {header.Length}.");
                }

                for (var c = 0; c < map.Length; c++)
                {
                    values[c] = map[c] < 0 ? default : row.Range(map[c]);
                }

                var source = stem;
                if (sourceIndex >= 0 && !row.Field(sourceIndex).IsEmpty)
                {
                    var span = row.Field(sourceIndex);
                    if (!sourceLookup.TryGetValue(span, out var known))
                    {
                        known = span.ToString();
                        sources.Add(known, known);
                    }

                    source = known;
                }

                table.Add(source, row.Field(idIndex).ToString(), row.Buffer, values);
            }
        }

        return table;
    }

    /// <summary>The rows of a CSV file, streamed.</summary>
    internal static IEnumerable<List<string>> Rows(FileInfo file)
    {
        using var reader = new StreamReader(file.FullName, Encoding.UTF8, true, 1 << 16);
        foreach (var row in Parse(reader))
        {
            yield return row;
        }
    }

    /// <summary>Parses CSV into rows of fields (unquoted fields trimmed), one row at a time.</summary>
    internal static IEnumerable<List<string>> Parse(TextReader reader)
    {
        var row = new CsvRow();
        while (row.ReadFrom(reader))
        {
            yield return [.. row.ToStrings()];
        }
    }

    /// <summary>
    /// One CSV row parsed into a reusable buffer: the unescaped fields side by side, each a range of the buffer.
    /// A quoted field may hold commas, doubled quotes and line breaks.
    /// </summary>
    private sealed class CsvRow
    {
        private char[] _buffer = new char[1024];
        private Range[] _fields = new Range[32];
        private int _length;

        public int Count { get; private set; }

        public ReadOnlySpan<char> Buffer => _buffer.AsSpan(0, _length);

        public Range Range(int i) => _fields[i];

        public ReadOnlySpan<char> Field(int i) => _buffer.AsSpan(_fields[i]);

        public string[] ToStrings()
        {
            var result = new string[Count];
            for (var i = 0; i < Count; i++)
            {
                result[i] = Field(i).ToString();
            }

            return result;
        }

        /// <summary>Reads the next row; false at the end of the input.</summary>
        public bool ReadFrom(TextReader reader)
        {
            var line = reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            // A quoted field can run over a line break: join lines until the quotes balance.
            if (line.Contains('"', StringComparison.Ordinal))
            {
                while (line.AsSpan().Count('"') % 2 == 1 && reader.ReadLine() is { } next)
                {
                    line = line + "\n" + next;
                }
            }

            Split(line);
            return true;
        }

        private void Split(ReadOnlySpan<char> line)
        {
            Count = 0;
            _length = 0;
            if (_buffer.Length < line.Length)
            {
                _buffer = new char[Math.Max(line.Length, _buffer.Length * 2)];
            }

            var i = 0;
            while (true)
            {
                var start = _length;
                // A field whose first non-blank character is a quote is quoted: kept as written, quotes removed.
                var lead = i;
                while (lead < line.Length && line[lead] is ' ' or '\t')
                {
                    lead++;
                }

                if (lead < line.Length && line[lead] == '"')
                {
                    i = lead + 1;
                    while (i < line.Length)
                    {
                        var quote = line[i..].IndexOf('"');
                        if (quote < 0)
                        {
                            Append(line[i..]);
                            i = line.Length;
                            break;
                        }

                        Append(line.Slice(i, quote));
                        i += quote + 1;
                        if (i < line.Length && line[i] == '"')
                        {
                            Append("\"");
                            i++;
                            continue;
                        }

                        break;
                    }

                    // Anything between the closing quote and the comma is kept, as a lenient reader would.
                    var rest = line[i..].IndexOf(',');
                    var tail = rest < 0 ? line[i..] : line.Slice(i, rest);
                    Append(tail.TrimEnd());
                    AddField(start);
                    if (rest < 0)
                    {
                        return;
                    }

                    i += rest + 1;
                    continue;
                }

                var comma = line[i..].IndexOf(',');
                var field = comma < 0 ? line[i..] : line.Slice(i, comma);
                Append(field.Trim());
                AddField(start);
                if (comma < 0)
                {
                    return;
                }

                i += comma + 1;
            }
        }

        private void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + text.Length));
            }

            text.CopyTo(_buffer.AsSpan(_length));
            _length += text.Length;
        }

        private void AddField(int start)
        {
            if (Count == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[Count++] = start.._length;
        }
    }
}
