using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>
/// "Add to report" from the explorer, the drifters story or the forecast: the chart (measure or story, view and the
/// page's filters or scenario, from the address) goes into one of the user's reports or a new one, with a title they
/// may change. It lands in the report's draft.
/// </summary>
[Authorize]
public sealed class AddChartModel(ReportLibrary reports, WorkbenchData data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    /// <summary><c>drifters</c> or <c>forecast</c> for a story's chart; none for the explorer's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Story { get; set; }

    /// <summary>What the chart shows, where it comes from and how to get back there.</summary>
    internal ChartSource? Source { get; private set; }

    [BindProperty]
    public string? Report { get; set; }

    [BindProperty]
    public string? NewTitle { get; set; }

    [BindProperty]
    public string? ChartTitle { get; set; }

    internal IReadOnlyList<ReportSummary> Mine { get; private set; } = [];

    internal Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ChartTitle = Source!.DefaultTitle;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var reader = ReportReaders.Of(UserClaims.From(User))!;
        if (string.IsNullOrWhiteSpace(ChartTitle) || ChartTitle.Trim().Length > ReportBlock.MaxTitleLength)
        {
            Errors["chart-title"] = string.IsNullOrWhiteSpace(ChartTitle) ? "Enter a title for the chart" : $"The chart's title must be {ReportBlock.MaxTitleLength} characters or fewer";
        }

        if (Report is null || (Report != "new" && Mine.All(m => m.Id != Report)))
        {
            Errors["report"] = "Select the report to add the chart to";
        }
        else if (Report == "new" && (string.IsNullOrWhiteSpace(NewTitle) || NewTitle.Trim().Length > ReportLibrary.MaxTitleLength))
        {
            Errors["new-title"] = "Enter a title for the new report";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var id = Report!;
        if (id == "new")
        {
            var created = await reports.CreateAsync(reader, NewTitle!, await ReportData.VersionAsync(data, cancellationToken), cancellationToken);
            id = created.Value!.Id;
        }

        var block = ReportBlock.Chart(Source!.Measure, View!, Source.Filters, ChartTitle!);
        var outcome = await reports.AddBlockAsync(id, reader, block, cancellationToken);
        if (outcome == ReportOutcome.Invalid)
        {
            Errors["report"] = $"The report is full: it holds at most {ReportLibrary.MaxBlocks} blocks";
            return Page();
        }

        return outcome == ReportOutcome.Done ? Redirect($"/workbench/reports/{id}/edit?added={block.Id}#block-{block.Id}") : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var dataset = await data.DatasetAsync(cancellationToken);
        if (dataset is null || View is null)
        {
            return false;
        }

        Source = ChartSource.From(Story, View, Request.Query, dataset);
        if (Source is null)
        {
            return false;
        }

        Mine = (await reports.ListAsync(ReportReaders.Of(UserClaims.From(User))!, cancellationToken)).Mine;
        return true;
    }
}
