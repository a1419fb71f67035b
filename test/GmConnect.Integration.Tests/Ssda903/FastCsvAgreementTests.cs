using System.Text;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Model;
using WorkbenchCsv = GmConnect.Workbench.Model.Csv;

namespace GmConnect.Integration.Tests.Ssda903;

/// <summary>
/// The importer's allocation-free CSV path (CsvRecordReader + CellPool) must read exactly what the previous path
/// (Csv.Read, then CleanValue, then the table's own cleaning) read: same records, same cells, same messages.
/// </summary>
public sealed class FastCsvAgreementTests
{
    private static string SampleDir => Path.Combine(AppContext.BaseDirectory, "Ssda903Data");

    public static TheoryData<string> Tricky => new(
        "",
        "a",
        "a,b\n",
        "a,b\r\nc,d",
        "a,\"b,c\"\n\"d\"\"e\",f\n",
        "\"multi\nline\",x\r\n",
        "ab\"c,d\"e,f\n",
        "x\r,y\n\n\n,z",
        "\"unterminated,quote\n",
        ",,,\n , ,\n",
        "\"\"\n\"\"\"\"\n");

    [Theory]
    [MemberData(nameof(Tricky))]
    public void CsvRecordReader_TrickyText_GivesTheRecordsCsvReadGives(string text)
    {
        Assert.Equal(Previous(text), Fast(text));
    }

    [Fact]
    public void CsvRecordReader_RandomText_GivesTheRecordsCsvReadGives()
    {
        var random = new Random(903);
        const string alphabet = "ab1.0 ,\"\r\n-";
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(Previous(text), Fast(text));
        }
    }

    [Theory]
    [InlineData("123.0", "123")]
    [InlineData(" -45.000 ", "-45")]
    [InlineData("12.5", "12.5")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData(".0", ".0")]
    [InlineData("NaN", null)]
    [InlineData("  ", null)]
    [InlineData("A1", "A1")]
    public void CellPool_Clean_MatchesCleanValueThenTableCleaning(string raw, string? expected)
    {
        var table = new Ssda903Table(ReturnTable.DoLo);
        table.AddRow(Ssda903Importer.CleanValue(raw));

        Assert.Equal(expected, table.Get(0, "CHILD"));
        Assert.Equal(expected, new CellPool().Clean(raw));
    }

    [Fact]
    public void ReadCsv_SampleFiles_SameTablesAndMessagesAsThePreviousReader()
    {
        foreach (var file in Directory.GetFiles(SampleDir, "*.csv"))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            var messages = new List<ImportMessage>();
            var fast = Ssda903Importer.ReadCsv(text, Path.GetFileName(file), messages);
            var previousMessages = new List<ImportMessage>();
            var previous = PreviousReadCsv(text, Path.GetFileName(file), previousMessages);

            Assert.Equal(previousMessages, messages);
            Assert.Equal(previous.Count, fast.Count);
            for (var t = 0; t < fast.Count; t++)
            {
                Assert.Equal(previous[t].Kind, fast[t].Kind);
                Assert.Equal(previous[t].Columns, fast[t].Columns);
                Assert.Equal(previous[t].Count, fast[t].Count);
                for (var r = 0; r < fast[t].Count; r++)
                {
                    foreach (var c in fast[t].Columns)
                    {
                        Assert.Equal(previous[t].Get(r, c), fast[t].Get(r, c));
                    }
                }
            }
        }
    }

    private static List<List<string>> Previous(string text) => WorkbenchCsv.Read(new StringReader(text)).Select(r => r.ToList()).ToList();

    private static List<List<string>> Fast(string text)
    {
        var reader = new CsvRecordReader(text);
        var records = new List<List<string>>();
        while (reader.MoveNext())
        {
            var record = new List<string>();
            for (var i = 0; i < reader.Count; i++)
            {
                record.Add(reader[i].ToString());
            }

            records.Add(record);
        }

        return records;
    }

    // The importer's CSV path as it was before the allocation-free reader (kept here as the oracle).
    private static List<Ssda903Table> PreviousReadCsv(string text, string fileName, List<ImportMessage> messages)
    {
        using var records = WorkbenchCsv.Read(new StringReader(text.TrimStart('\uFEFF'))).GetEnumerator();
        if (!records.MoveNext())
        {
            messages.Add(new ImportMessage(fileName, null, "File is empty; skipped."));
            return [];
        }

        var headers = records.Current.Select(h => h.Trim().Trim('\uFEFF').ToUpperInvariant()).ToList();
        var kind = TableSchema.Identify(headers);
        if (kind is null)
        {
            var known = headers.Count == 1 && headers[0].Length == 0 ? "no header row" : "columns " + string.Join(", ", headers.Take(8));
            messages.Add(new ImportMessage(fileName, 1, $"Not a 903 table ({known}); a 903 CSV needs all the DfE columns of one table. Skipped."));
            return [];
        }

        var table = new Ssda903Table(kind.Value, headers.Where(h => h is "LA" or "YEAR").ToList());
        var line = 1;
        var target = headers.Select(h => table.Columns.ToList().IndexOf(h)).ToArray();
        var childColumn = headers.IndexOf("CHILD");
        while (records.MoveNext())
        {
            line++;
            var record = records.Current;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Count > headers.Count && record.Skip(headers.Count).Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                messages.Add(new ImportMessage(fileName, line, $"Row has {record.Count} values but the header has {headers.Count}; extra values ignored."));
            }

            var row = new string?[table.Columns.Count];
            for (var i = 0; i < Math.Min(headers.Count, record.Count); i++)
            {
                if (target[i] >= 0)
                {
                    row[target[i]] = Ssda903Importer.CleanValue(record[i]);
                }
            }

            if (childColumn < 0 || childColumn >= record.Count || string.IsNullOrWhiteSpace(record[childColumn]))
            {
                messages.Add(new ImportMessage(fileName, line, "Row has no CHILD identifier; kept, but it cannot be linked to a child."));
            }

            table.AddRow(row);
        }

        return [table];
    }
}
