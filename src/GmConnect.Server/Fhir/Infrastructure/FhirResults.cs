using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>Results for FHIR endpoints: a resource, a search Bundle, or an OperationOutcome, always as <c>application/fhir+json</c>.</summary>
internal static class FhirResults
{
    /// <summary>200 with the resource.</summary>
    public static FhirResourceResult Ok(Resource resource) => new(resource, StatusCodes.Status200OK);

    /// <summary>An OperationOutcome with one issue.</summary>
    public static FhirResourceResult Outcome(int statusCode, OperationOutcome.IssueType code, string diagnostics, OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) =>
        new(OperationOutcomes.Single(code, diagnostics, severity), statusCode);

    /// <summary>401: no or an invalid token.</summary>
    public static FhirResourceResult Unauthenticated() =>
        Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Authentication is required: send a bearer token.");

    /// <summary>403 with the reason (a code or sentence, never personal data).</summary>
    public static FhirResourceResult Forbidden(string reason) =>
        Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, reason);

    /// <summary>404 for a resource the caller may not learn about, or that does not exist: the same answer for both.</summary>
    public static FhirResourceResult NotFound(string resourceType, string id) =>
        Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{resourceType}/{id} is not known.");
}
