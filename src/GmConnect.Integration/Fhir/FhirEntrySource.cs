using System.Text;
using System.Text.Json;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// Reads the resources of an NDJSON file (line by line, streaming) or of a Bundle (entry by entry). Problems with
/// one line or entry are reported on that entry; a file that is neither is refused before anything is written
/// (<see cref="FhirFormatException"/>).
/// </summary>
internal sealed class FhirEntrySource : IDisposable
{
    private static readonly HashSet<string> BundleTypes = new(StringComparer.Ordinal) { "transaction", "batch", "collection" };
    private readonly FileStream _stream;
    private readonly long _length;

    private FhirEntrySource(string path, FhirFileKind kind)
    {
        Kind = kind;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _length = Math.Max(1, _stream.Length);
    }

    public FhirFileKind Kind { get; }

    /// <summary>How far through the file reading has got, 0 to 1.</summary>
    public double Fraction => Math.Min(1.0, (double)_stream.Position / _length);

    /// <summary>Opens a file of a known kind, or detects it (see <see cref="Detect"/>).</summary>
    public static FhirEntrySource Open(string path, FhirFileKind? kind = null) =>
        new(path, kind ?? Detect(path) ?? throw new FhirFormatException("The file is neither NDJSON (one FHIR resource per line) nor a FHIR Bundle."));

    /// <summary>
    /// NDJSON when the first non-blank line is a JSON object on its own and the extension is not <c>.json</c> or more
    /// lines follow; a Bundle when the file is one JSON object with <c>"resourceType": "Bundle"</c>; else null.
    /// </summary>
    public static FhirFileKind? Detect(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? first;
        do
        {
            first = reader.ReadLine();
        }
        while (first is not null && string.IsNullOrWhiteSpace(first));

        if (first is null || !first.TrimStart().StartsWith('{'))
        {
            return null;
        }

        if (ResourceTypeOf(first) is { } type)
        {
            // A one-line Bundle file and a one-resource NDJSON file look alike; a Bundle is a Bundle.
            return type == "Bundle" && reader.ReadLine() is null ? FhirFileKind.Bundle : FhirFileKind.Ndjson;
        }

        // The first line is not a whole object: a pretty-printed document, a Bundle if anything.
        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        try
        {
            using var document = JsonDocument.Parse(reader.BaseStream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String && rt.GetString() == "Bundle"
                ? FhirFileKind.Bundle
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The entries in file order.</summary>
    public IEnumerable<FhirEntry> ReadEntries() => Kind == FhirFileKind.Ndjson ? ReadLines() : ReadBundle();

    private IEnumerable<FhirEntry> ReadLines()
    {
        using var reader = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return new FhirEntry(line, "", text, null);
        }
    }

    private IEnumerable<FhirEntry> ReadBundle()
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            throw new FhirFormatException("The Bundle is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("resourceType", out var rt) || rt.ValueKind != JsonValueKind.String || rt.GetString() != "Bundle")
            {
                throw new FhirFormatException("Bundle.resourceType: the file is not a Bundle.");
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !BundleTypes.Contains(type.GetString()!))
            {
                throw new FhirFormatException("Bundle.type: only transaction, batch and collection Bundles are imported.");
            }

            if (!root.TryGetProperty("entry", out var entries))
            {
                yield break;
            }

            if (entries.ValueKind != JsonValueKind.Array)
            {
                throw new FhirFormatException("Bundle.entry: expected an array.");
            }

            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var prefix = $"Bundle.entry[{index}].resource";
                index++;
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
                {
                    yield return new FhirEntry(index, prefix, null, new FhirProblem($"Bundle.entry[{index - 1}].resource", "the entry has no resource"));
                    continue;
                }

                if (entry.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
                    && request.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String && method.GetString() is not ("POST" or "PUT"))
                {
                    yield return new FhirEntry(index, prefix, resource.GetRawText(), new FhirProblem($"Bundle.entry[{index - 1}].request.method", "only POST and PUT entries are imported"));
                    continue;
                }

                yield return new FhirEntry(index, prefix, resource.GetRawText(), null);
            }
        }
    }

    private static string? ResourceTypeOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String
                ? rt.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
