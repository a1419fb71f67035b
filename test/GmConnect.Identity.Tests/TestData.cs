using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests;

/// <summary>Shipped test files: FEBRL copies under Data/ and the configs copied beside the tests.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static LinkageSettings Config(string name) => LinkageSettings.Load(Path("Configs", name));

    /// <summary>Reads FEBRL files (fields separated by ", ") into one table; the source is the file stem.</summary>
    public static RecordTable Febrl(params string[] files)
    {
        RecordTable? table = null;
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Path("Data", "febrl", file));
            var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
            table ??= new RecordTable(header);
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var values = line.Split(',').Select(v => v.Trim()).ToArray();
                table.Add(System.IO.Path.GetFileNameWithoutExtension(file), values[0], values);
            }
        }

        return table!;
    }

    /// <summary>FEBRL truth: the number in rec-N-org / rec-N-dup-k.</summary>
    public static string[] FebrlTruth(RecordTable table) =>
        [.. Enumerable.Range(0, table.Count).Select(i => table.RecordIdOf(i).Split('-')[1])];
}
