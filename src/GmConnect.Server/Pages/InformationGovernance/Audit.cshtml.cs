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

        // The audit search is itself audited by Governance's API; the page reads the trail the same way.
        Entries = await audit.SearchAsync(new AuditQuery(
            Blank(Person), Blank(Practitioner), Blank(Organisation),
            from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Limit), cancellationToken);
    }

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
