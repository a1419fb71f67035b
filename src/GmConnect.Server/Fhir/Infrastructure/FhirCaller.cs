using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>Who is calling, as Governance needs it: the token's practitioner, organisation, role and purpose of use.</summary>
internal static class FhirCaller
{
    /// <summary>The request id header carried into the audit trail.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>
    /// The caller's access request. Throws a 403 <see cref="FhirRequestException"/> when the token lacks the
    /// practitioner, organisation, role or a known purpose of use: without them nothing can be decided.
    /// </summary>
    public static AccessRequest RequestOf(HttpContext http, AccessAction action)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = http.Request.Headers[RequestIdHeader].FirstOrDefault() is { Length: > 0 and <= 128 } header ? header : http.TraceIdentifier;
        return GovernanceClaims.RequestOf(http.User, action, requestId)
            ?? throw new FhirRequestException(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "The token must name the practitioner, organisation, role and a known purpose of use.");
    }
}
