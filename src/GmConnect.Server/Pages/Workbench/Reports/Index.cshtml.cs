using GmConnect.Server.Security;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>The reports a signed-in user owns and those shared with them (by name, organisation or role).</summary>
[Authorize]
public sealed class IndexModel(ReportLibrary reports, ReportReaders readers) : PageModel
{
    internal ReportReaders Readers => readers;

    internal IReadOnlyList<ReportSummary> Mine { get; private set; } = [];

    internal IReadOnlyList<ReportSummary> Shared { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReportReaders.Of(UserClaims.From(User)) is { } reader)
        {
            (Mine, Shared) = await reports.ListAsync(reader, cancellationToken);
        }
    }
}
