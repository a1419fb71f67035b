using GmConnect.Identity.Manager;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// The one mapper from exceptions to <see cref="OperationOutcome"/> and HTTP status for the FHIR API: Identity
/// Manager refusals (404, 409, 400), bad requests (400, 415), anything else 500 with no detail (the exception is
/// logged by key, its message never reaches the caller because it might carry data).
/// </summary>
internal static class OperationOutcomes
{
    /// <summary>An OperationOutcome with one issue.</summary>
    public static OperationOutcome Single(OperationOutcome.IssueType code, string diagnostics, OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) =>
        new()
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = diagnostics }],
        };

    /// <summary>The status and outcome for an exception; null for one the API does not expect (the caller answers 500).</summary>
    public static (int Status, OperationOutcome Outcome)? Map(Exception exception) => exception switch
    {
        FhirRequestException e => (e.StatusCode, Single(e.IssueType, e.Message)),
        IdentityException { Error: IdentityError.NotFound } e => (StatusCodes.Status404NotFound, Single(OperationOutcome.IssueType.NotFound, e.Message)),
        IdentityException { Error: IdentityError.Conflict } e => (StatusCodes.Status409Conflict, Single(OperationOutcome.IssueType.Conflict, e.Message)),
        IdentityException e => (StatusCodes.Status400BadRequest, Single(OperationOutcome.IssueType.Invalid, e.Message)),
        DeserializationFailedException => (StatusCodes.Status400BadRequest, Single(OperationOutcome.IssueType.Structure, "The body is not valid FHIR JSON.")),
        BadHttpRequestException e => (e.StatusCode, Single(OperationOutcome.IssueType.Invalid, "The request is malformed.")),
        _ => null,
    };

    /// <summary>500: the server failed; nothing about why reaches the caller.</summary>
    public static OperationOutcome ServerError(string traceId) =>
        Single(OperationOutcome.IssueType.Exception, $"The server failed to answer (trace {traceId}).", OperationOutcome.IssueSeverity.Fatal);
}
