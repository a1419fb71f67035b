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
        var parsed = files.Select(f => (File: f, Rows: Parse(f))).ToList();
        var columns = new List<string>();
        foreach (var (_, rows) in parsed)
        {
            foreach (var name in rows.Count > 0 ? rows[0] : [])
            {
                if (!columns.Contains(name, StringComparer.Ordinal))
                {
                    columns.Add(name);
                }
            }
        }

        var table = new RecordTable(columns);
        foreach (var (file, rows) in parsed)
        {
            if (rows.Count == 0)
            {
                continue;
            }

            var header = rows[0];
            var idIndex = header.IndexOf(idColumn);
            if (idIndex < 0)
            {
                throw new InvalidDataException($"{file.Name}: no '{idColumn}' column.");
            }

            var sourceIndex = sourceColumn is null ? -1 : header.IndexOf(sourceColumn);
            var stem = Path.GetFileNameWithoutExtension(file.Name);
            var map = columns.Select(c => header.IndexOf(c)).ToArray();
            var values = new string?[columns.Count];
            for (var r = 1; r < rows.Count; r++)
            {
                var row = rows[r];
                if (row.Count == 1 && row[0].Length == 0)
                {
                    continue;
                }

                if (row.Count != header.Count)
                {
                    throw new InvalidDataException($"{file.Name}: line {r + 1} has {row.Count} fields, the header {header.Count}.");
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

    /// <summary>Parses a whole CSV file into rows of trimmed fields.</summary>
    internal static List<List<string>> Parse(FileInfo file)
    {
        using var reader = new StreamReader(file.FullName, Encoding.UTF8);
        return Parse(reader);
    }

    internal static List<List<string>> Parse(TextReader reader)
    {
        var rows = new List<List<string>>();
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
                    rows.Add(row);
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
            rows.Add(row);
        }

        return rows;
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }
}
