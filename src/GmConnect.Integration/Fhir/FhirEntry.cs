namespace GmConnect.Integration.Fhir;

/// <summary>One resource of a FHIR file, as text, with where it was.</summary>
/// <param name="Ordinal">1-based: the line of an NDJSON file, or the entry index + 1 of a Bundle. Checkpoints count in ordinals.</param>
/// <param name="Prefix">The FHIRPath to the resource within the file: empty for NDJSON, <c>Bundle.entry[i].resource</c> for a Bundle.</param>
/// <param name="Json">The resource's JSON (null when the entry has none).</param>
/// <param name="Problem">Set when the entry cannot be a resource at all (bad JSON, an unsupported request method).</param>
internal sealed record FhirEntry(long Ordinal, string Prefix, string? Json, FhirProblem? Problem)
{
    /// <summary>The field path within the file for an element path within the resource (<c>Patient.birthDate</c>).</summary>
    public string Field(string resourcePath)
    {
        if (Prefix.Length == 0)
        {
            return resourcePath;
        }

        var dot = resourcePath.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Prefix : Prefix + resourcePath[dot..];
    }
}
