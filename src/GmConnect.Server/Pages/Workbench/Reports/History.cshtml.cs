using GmConnect.Server.Security;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>Every saved version of a report, newest first: who saved it, when, why, on which data; each can be read, and (owner) restored.</summary>
[Authorize]
public sealed class HistoryModel(ReportLibrary reports, ReportReaders readers) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    internal ReportReaders Readers => readers;

    internal Report? Report { get; private set; }

    internal IReadOnlyList<ReportVersion> Versions { get; private set; } = [];

    internal bool IsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = ReportReaders.Of(UserClaims.From(User))!;
        Report = await reports.GetAsync(Id, reader, cancellationToken);
        if (Report is null || await reports.VersionsAsync(Id, reader, cancellationToken) is not { } versions)
        {
            return NotFound();
        }

        Versions = versions;
        IsOwner = Report.IsOwnedBy(reader);
        return Page();
    }
}
