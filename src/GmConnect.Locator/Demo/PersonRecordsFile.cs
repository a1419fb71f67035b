using System.Text;

namespace GmConnect.Locator.Demo;

/// <summary>
/// Just enough of the person-records CSV (shared/formats/person-records.md) for the demo seed: source, record id and
/// NHS number of each row. Quoted fields with commas are handled; the importer proper lives in Integration.
/// </summary>
internal static class PersonRecordsFile
{
    public static IEnumerable<Row> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? "");
        int source = header.IndexOf("source"), record = header.IndexOf("record_id"), nhs = header.IndexOf("nhs_number");
        if (source < 0 || record < 0)
        {
            yield break;
        }

        while (reader.ReadLine() is { } line)
        {
            var fields = Split(line);
            if (fields.Count <= Math.Max(source, record))
            {
                continue;
            }

            var number = nhs >= 0 && nhs < fields.Count ? fields[nhs].Replace(" ", "", StringComparison.Ordinal) : "";
            yield return new Row(fields[source], fields[record], number.Length == 10 && number.All(char.IsAsciiDigit) ? number : null);
        }
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    internal sealed record Row(string Source, string RecordId, string? NhsNumber);
}
