using System.Text;
using GmConnect.Integration.Fhir;

namespace GmConnect.Cli.Import;

/// <summary>Tells the kind of a file by its content (first line or document), whatever its name.</summary>
internal static class ImportKinds
{
    /// <summary>The kind, from the content: FHIR first (JSON), then the CSV header's columns, then SSDA903 XML.</summary>
    public static ImportKind Detect(string path)
    {
        switch (FhirImporter.Detect(path))
        {
            case FhirFileKind.Ndjson:
                return ImportKind.FhirNdjson;
            case FhirFileKind.Bundle:
                return ImportKind.FhirBundle;
        }

        string? first;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            first = reader.ReadLine();
            while (first is not null && string.IsNullOrWhiteSpace(first))
            {
                first = reader.ReadLine();
            }
        }

        if (first is null)
        {
            return ImportKind.Unknown;
        }

        var trimmed = first.TrimStart('\uFEFF').Trim();
        if (trimmed.StartsWith('<'))
        {
            // SSDA903 XML returns: <EXPSSDA903> (the DfE export) or <Message> with <Children>.
            return File.ReadLines(path).Take(20).Any(l => l.Contains("<EXPSSDA903", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("<Children", StringComparison.Ordinal) || l.Contains("<Message", StringComparison.Ordinal))
                ? ImportKind.Ssda903
                : ImportKind.Unknown;
        }

        var columns = trimmed.Split(',').Select(c => c.Trim().Trim('"')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (columns.Contains("source") && columns.Contains("record_id"))
        {
            return ImportKind.PersonRecords;
        }

        return columns.Contains("CHILD") ? ImportKind.Ssda903 : ImportKind.Unknown;
    }
}
