using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Identity.Benchmarks;

/// <summary>A FEBRL file (shipped with the tests) read into a record table, for benchmarks.</summary>
internal static class BenchData
{
    public static string FebrlDirectory
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !Directory.Exists(Path.Combine(dir, "test", "GmConnect.Identity.Tests", "Data", "febrl")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir is null ? throw new DirectoryNotFoundException("Run from inside the repository.") : Path.Combine(dir, "test", "GmConnect.Identity.Tests", "Data", "febrl");
        }
    }

    public static string RepositoryFile(string relative)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, relative)))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir is null ? throw new FileNotFoundException(relative) : Path.Combine(dir, relative);
    }

    /// <summary>Reads a FEBRL CSV (fields separated by ", ", no quoting).</summary>
    public static RecordTable ReadFebrl(string path, RecordTable? into = null)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var table = into ?? new RecordTable(header);
        var source = Path.GetFileNameWithoutExtension(path);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var values = line.Split(',').Select(v => v.Trim()).ToArray();
            table.Add(source, values[0], values);
        }

        return table;
    }
}
