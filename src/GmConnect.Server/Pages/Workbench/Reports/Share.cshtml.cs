using GmConnect.Server.Security;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>
/// The owner shares a report with a named practitioner, or with a group — an organisation, or one role within an
/// organisation — from Governance's registries, and withdraws shares. Readers of a shared report see the figures as
/// they themselves may (small numbers withheld outside their own authority).
/// </summary>
[Authorize]
public sealed class ShareModel(ReportLibrary reports, ReportReaders readers) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? Person { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    internal ReportReaders Readers => readers;

    internal Report? Report { get; private set; }

    internal string Title { get; private set; } = "";

    internal string OwnerId { get; private set; } = "";

    internal Dictionary<string, string> Errors { get; } = [];

    internal string? Done { get; private set; }

    internal bool NotOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPersonAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!readers.IsPractitioner(Person) || Person == OwnerId)
        {
            Errors["person"] = "Select the person to share the report with";
            return Page();
        }

        return await ShareAsync(ReportShare.WithPerson(Person!), cancellationToken);
    }

    public async Task<IActionResult> OnPostGroupAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!readers.IsOrganisation(Organisation))
        {
            Errors["organisation"] = "Select the organisation to share the report with";
        }

        if (!string.IsNullOrEmpty(Role) && !readers.IsRole(Role))
        {
            Errors["role"] = "Select a role from the list, or everyone in the organisation";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        return await ShareAsync(string.IsNullOrEmpty(Role) ? ReportShare.WithOrganisation(Organisation!) : ReportShare.WithRole(Organisation!, Role), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var share = Report!.Shares.FirstOrDefault(s => s.Key == key);
        if (share is null)
        {
            return NotFound();
        }

        await reports.UnshareAsync(Id, Reader, share.Key, cancellationToken);
        return Redirect($"/workbench/reports/{Id}/share?removed={Uri.EscapeDataString(readers.Describe(share))}");
    }

    private ReportReader Reader => ReportReaders.Of(UserClaims.From(User))!;

    private async Task<IActionResult> ShareAsync(ReportShare share, CancellationToken cancellationToken)
    {
        var outcome = await reports.ShareAsync(Id, Reader, share, cancellationToken);
        return Redirect($"/workbench/reports/{Id}/share?{(outcome == ReportOutcome.Unchanged ? "already" : "shared")}={Uri.EscapeDataString(readers.Describe(share))}");
    }

    /// <summary>Loads the report for its owner; otherwise the response to give (404, or 403 for a reader).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Report = await reports.GetAsync(Id, Reader, cancellationToken);
        if (Report is null)
        {
            return NotFound();
        }

        if (!Report.IsOwnedBy(Reader))
        {
            NotOwner = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        OwnerId = Report.OwnerId;
        Title = (await reports.VersionAsync(Id, null, Reader, cancellationToken))!.Title;
        var q = Request.Query;
        Done = q["shared"].ToString() is { Length: > 0 } s ? $"Shared with {s}."
            : q["already"].ToString() is { Length: > 0 } a ? $"The report was already shared with {a}."
            : q["removed"].ToString() is { Length: > 0 } r ? $"No longer shared with {r}." : null;
        return null;
    }
}
