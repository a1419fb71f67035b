using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>Creates a report (an empty version 1 on the data loaded now) and opens its editor.</summary>
[Authorize]
public sealed class NewModel(ReportLibrary reports, WorkbenchData data) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    internal Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reader = ReportReaders.Of(UserClaims.From(User))!;
        var created = await reports.CreateAsync(reader, Title ?? "", await ReportData.VersionAsync(data, cancellationToken), cancellationToken);
        if (created.Value is null)
        {
            Errors["title"] = string.IsNullOrWhiteSpace(Title) ? "Enter a title for the report" : $"The title must be {ReportLibrary.MaxTitleLength} characters or fewer";
            return Page();
        }

        return Redirect($"/workbench/reports/{created.Value.Id}/edit");
    }
}
