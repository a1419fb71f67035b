using GmConnect.Integration.Fhir;

namespace GmConnect.Server.Imports.Fhir;

/// <summary>The API's <c>field: message</c> problem texts as the importer's field-level problems.</summary>
internal static class ImportProblems
{
    public static FhirProblem[] From(string resourceType, IEnumerable<string> problems) =>
        [.. problems.Select(p =>
        {
            var colon = p.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 && !p[..colon].Contains(' ', StringComparison.Ordinal)
                ? new FhirProblem(resourceType + "." + p[..colon], p[(colon + 2)..])
                : new FhirProblem(resourceType, p);
        })];

    public static FhirTargetResult NoActor(string resourceType, string? organisation) => FhirTargetResult.Rejected(new FhirProblem(resourceType,
        organisation is null
            ? "import --as the producing organisation to publish this resource"
            : "the importing organisation has no active registered practitioner to act as (or not the one named)"));
}
