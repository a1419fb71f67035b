using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// A FHIR request the API refuses (bad parameter, unsupported search, malformed body): becomes an
/// <see cref="OperationOutcome"/> with this status and issue type. The message is shown to the caller, so it
/// names parameters and elements, never the values a caller sent (they may be personal data).
/// </summary>
internal sealed class FhirRequestException(int statusCode, OperationOutcome.IssueType issueType, string message) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The OperationOutcome issue code.</summary>
    public OperationOutcome.IssueType IssueType { get; } = issueType;

    /// <summary>A 400 for an invalid parameter.</summary>
    public static FhirRequestException Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message);

    /// <summary>A 400 for a parameter or feature the API does not support.</summary>
    public static FhirRequestException NotSupported(string message) =>
        new(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, message);

    /// <summary>A 404.</summary>
    public static FhirRequestException NotFound(string message) =>
        new(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, message);
}
