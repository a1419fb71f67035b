using System.IO.Compression;
using System.Text;

namespace GmConnect.Demo.Tables;

/// <summary>Reads the embedded CSV tables (plain or gzip). They hold no quoted fields by construction.</summary>
internal static class ResourceReader
{
    public static IEnumerable<string[]> Rows(string name)
    {
        var assembly = typeof(ResourceReader).Assembly;
        using var raw = assembly.GetManifestResourceStream("GmConnect.Demo.Data." + name)
            ?? throw new InvalidOperationException($"Embedded table {name} is missing from the assembly.");
        using var stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        _ = reader.ReadLine(); // header
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0)
            {
                yield return line.Split(',');
            }
        }
    }
}
