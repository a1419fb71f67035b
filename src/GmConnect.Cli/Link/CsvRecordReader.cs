using System.Text;
using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Cli.Link;

/// <summary>
/// TEMPORARY ADAPTER, to be replaced by the person-records CSV reader of GmConnect.Integration when it
/// lands on main. Reads CSV files (RFC 4180 quoting, header row, UTF-8) into a <see cref="RecordTable"/>.
/// Header names and values are trimmed (FEBRL separates fields with ", "); an empty value is missing.
/// The table's columns are the union of the files' headers.
/// </summary>
internal static class CsvRecordReader
{
    public static RecordTable Read(IReadOnlyList<FileInfo> files, string idColumn, string? sourceColumn)
    {
        // Headers first (for the union of columns), then each file streamed row by row into the table.
        var columns = new List<string>();
        foreach (var file in files)
        {
            foreach (var name in Rows(file).FirstOrDefault() ?? [])
            {
                if (!columns.Contains(name, StringComparer.Ordinal))
                {
                    columns.Add(name);
                }
            }
        }

        var table = new RecordTable(columns);
        foreach (var file in files)
        {
            List<string>? header = null;
            int idIndex = -1, sourceIndex = -1;
            int[] map = [];
            var values = new string?[columns.Count];
            var stem = Path.GetFileNameWithoutExtension(file.Name);
            var line = 0;
            foreach (var row in Rows(file))
            {
                line++;
                if (header is null)
                {
                    header = row;
                    idIndex = header.IndexOf(idColumn);
                    if (idIndex < 0)
                    {
                        throw new InvalidDataException($"{file.Name}: no '{idColumn}' column.");
                    }

                    sourceIndex = sourceColumn is null ? -1 : header.IndexOf(sourceColumn);
                    map = [.. columns.Select(c => header.IndexOf(c))];
                    continue;
                }

                if (row.Count == 1 && row[0].Length == 0)
                {
                    continue;
                }

                if (row.Count != header.Count)
                {
                    throw new InvalidDataException($"{file.Name}: record {line} has {row.Count} fields, the header {header.Count}.");
                }

                for (var c = 0; c < map.Length; c++)
                {
                    values[c] = map[c] < 0 ? null : row[map[c]];
                }

                var source = sourceIndex >= 0 && row[sourceIndex].Length > 0 ? row[sourceIndex] : stem;
                table.Add(source, row[idIndex], values);
            }
        }

        return table;
    }

    /// <summary>The rows of a CSV file, streamed.</summary>
    internal static IEnumerable<List<string>> Rows(FileInfo file)
    {
        using var reader = new StreamReader(file.FullName, Encoding.UTF8);
        foreach (var row in Parse(reader))
        {
            yield return row;
        }
    }

    /// <summary>Parses CSV into rows of fields (unquoted fields trimmed), one row at a time.</summary>
    internal static IEnumerable<List<string>> Parse(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        int ch;
        while ((ch = reader.Read()) >= 0)
        {
            var c = (char)ch;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    quoted = true;
                    break;
                case ',':
                    row.Add(Finish(field, quoted));
                    quoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(Finish(field, quoted));
                    quoted = false;
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(Finish(field, quoted));
            yield return row;
        }
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }
}
