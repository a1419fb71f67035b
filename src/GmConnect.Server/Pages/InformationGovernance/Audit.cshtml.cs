using System.Globalization;
using GmConnect.Governance.Audit;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.InformationGovernance;

/// <summary>The audit trail searched by person, practitioner, organisation and period; break-glass stands out.</summary>
[Authorize(Policy = InformationGovernancePolicy.Name)]
public sealed class AuditModel(AuditTrail audit) : PageModel
{
    public const int Limit = 500;

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Practitioner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var from = ParseDate(From, "from", "The start of the period");
        var to = ParseDate(To, "to", "The end of the period");
        if (from is not null && to is not null && to < from)
        {
            Errors["to"] = "The end of the period must be the same as or after the start";
        }

        if (Errors.Count > 0)
        {
            return;
        }

        var person = Blank(Person);
        Entries = await audit.SearchAsync(new AuditQuery(
            person, Blank(Practitioner), Blank(Organisation),
            from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Limit), cancellationToken);
        BreakGlassCount = Entries.Count(IsBreakGlass);

        // Searching the trail is itself a look at personal data, audited as Governance's API audits it.
        if (GmConnect.Governance.Api.GovernanceClaims.ActorOf(User, HttpContext.TraceIdentifier) is { } actor)
        {
            await audit.AppendAsync(
                new AuditRecord(AuditEventType.AuditSearched, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                    person is null ? [] : [person], [], Detail: string.Create(CultureInfo.InvariantCulture, $"results:{Entries.Count}")),
                cancellationToken);
        }
    }

    /// <summary>How many of the entries shown are break-glass: opening a session, or access under one.</summary>
    public int BreakGlassCount { get; private set; }

    /// <summary>True for an entry the page highlights as break-glass.</summary>
    public static bool IsBreakGlass(AuditEntry entry) =>
        entry.Record.BreakGlassSessionId is not null || entry.Record.EventType == AuditEventType.BreakGlassOpened;

    private DateOnly? ParseDate(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors[field] = $"{label} must be a real date, like 2026-11-28";
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
