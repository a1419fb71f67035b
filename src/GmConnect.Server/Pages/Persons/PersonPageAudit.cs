using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// The person pages declare their audit events as the API's endpoints do (<see cref="AuditedEndpoint"/>), so the
/// same check can see that none is missing. The audit entries themselves are appended by Governance
/// (<c>AccessGate</c>, <c>BreakGlassService</c>) and the Repository on every look.
/// </summary>
internal static class PersonPageAudit
{
    public static readonly IReadOnlyDictionary<string, AuditEventType> Pages = new Dictionary<string, AuditEventType>(StringComparer.Ordinal)
    {
        ["/Persons/Find"] = AuditEventType.Search,
        ["/Persons/Person"] = AuditEventType.Search,
        ["/Persons/Record"] = AuditEventType.Read,
        ["/Persons/BreakGlass"] = AuditEventType.BreakGlassOpened,
    };

    public static void Configure(RazorPagesOptions options)
    {
        foreach (var (page, eventType) in Pages)
        {
            options.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new AuditedEndpoint(eventType)));
        }
    }
}
