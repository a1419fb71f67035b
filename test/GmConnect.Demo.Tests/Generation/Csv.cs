using System.Text;

namespace GmConnect.Demo.Tests.Generation;

/// <summary>A strict RFC 4180 reader for the tests: CRLF rows, quoted fields with doubled quotes.</summary>
internal static class Csv
{
    public static List<string[]> Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, true));
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    throw new FormatException($"bare CR at {i} in {path}");
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else if (c == '\n')
            {
                throw new FormatException($"bare LF at {i} in {path}");
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            throw new FormatException($"{path} does not end with CRLF");
        }

        return rows;
    }
}
