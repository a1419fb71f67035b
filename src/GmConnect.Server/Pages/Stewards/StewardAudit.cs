using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using Microsoft.AspNetCore.Http;

namespace GmConnect.Server.Pages.Stewards;

/// <summary>
/// The Identity Manager audits nothing itself: the data stewards' pages record each look at identity records and
/// each change they make in Governance's audit trail, naming the persons concerned.
/// </summary>
internal static class StewardAudit
{
    public static Task ReadAsync(AuditTrail audit, HttpContext http, IEnumerable<string> personIds, string detail, CancellationToken cancellationToken) =>
        AppendAsync(audit, http, AuditEventType.Read, personIds, detail, cancellationToken);

    public static Task ChangedAsync(AuditTrail audit, HttpContext http, IEnumerable<string> personIds, string detail, CancellationToken cancellationToken) =>
        AppendAsync(audit, http, AuditEventType.RegistryChanged, personIds, detail, cancellationToken);

    private static async Task AppendAsync(AuditTrail audit, HttpContext http, AuditEventType type, IEnumerable<string> personIds, string detail, CancellationToken cancellationToken)
    {
        var actor = GovernanceClaims.ActorOf(http.User, http.TraceIdentifier);
        await audit.AppendAsync(
            new AuditRecord(type, "success", actor?.PractitionerId, actor?.OrganisationId, actor?.Role, http.User.FindFirst(GovernanceClaims.Purpose)?.Value,
                actor?.RequestId, personIds.Distinct(StringComparer.Ordinal).ToArray(), [], Detail: detail),
            cancellationToken);
    }
}
