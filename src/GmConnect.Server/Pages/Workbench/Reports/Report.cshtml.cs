using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>
/// A report as its readers see it: the latest version (or an older one, or the owner's draft), which data and filters
/// it was built on and whether the data have changed since, each chart drawn from its filters for this viewer, the
/// text; restore (owner), and the exports: a self-contained HTML file and a PDF.
/// </summary>
[Authorize]
public sealed class ReportModel(ReportLibrary reports, ReportReaders readers, WorkbenchData data, ReportExporter exporter) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Draft { get; set; }

    internal ReportReaders Readers => readers;

    internal Report? Report { get; private set; }

    internal ReportVersion? Shown { get; private set; }

    internal bool IsOwner { get; private set; }

    internal ExploreDataset? Dataset { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    internal IReadOnlyList<RenderedBlock> Blocks { get; private set; } = [];

    internal string? Restored { get; private set; }

    /// <summary>Why the PDF could not be made, when it could not.</summary>
    internal string? PdfProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? restored, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (restored is { } from)
        {
            Restored = $"Version {from} was restored as version {Shown!.Number}.";
        }

        return Page();
    }

    /// <summary>Restores the version shown as a new version (owner only).</summary>
    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        var reader = ReportReaders.Of(UserClaims.From(User))!;
        if (Version is not { } number)
        {
            return NotFound();
        }

        var result = await reports.RestoreAsync(Id, reader, number, cancellationToken);
        return result.Outcome switch
        {
            ReportOutcome.Done => Redirect($"/workbench/reports/{Id}?restored={number}"),
            ReportOutcome.Unchanged or ReportOutcome.Conflict => Redirect($"/workbench/reports/{Id}"),
            ReportOutcome.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
            _ => NotFound(),
        };
    }

    /// <summary>The version as one HTML file that makes no requests (styles, chart scripts and specifications inline).</summary>
    public async Task<IActionResult> OnGetHtmlAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Dataset is null)
        {
            return NotFound();
        }

        var html = exporter.Html(Export());
        return File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", ReportExporter.FileName(Shown!, "html"));
    }

    /// <summary>The version as PDF, printed by headless Chromium from the HTML export; a page saying why when it cannot be.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Dataset is null)
        {
            return NotFound();
        }

        var pdf = await exporter.PdfAsync(Export(), cancellationToken);
        if (pdf.Pdf is { } bytes)
        {
            return File(bytes, "application/pdf", ReportExporter.FileName(Shown!, "pdf"));
        }

        PdfProblem = pdf.Problem;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    private ReportExport Export()
    {
        var user = UserClaims.From(User)!;
        return new ReportExport(Shown!, ReportRenderer.Render(Shown!, Dataset!, viewerAuthority: null, links: false), Dataset!.Version,
            Report!.LatestVersion, readers.PractitionerName(Report.OwnerId), user.Name, Draft);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var reader = ReportReaders.Of(UserClaims.From(User))!;
        Report = await reports.GetAsync(Id, reader, cancellationToken);
        if (Report is null)
        {
            return false;
        }

        IsOwner = Report.IsOwnedBy(reader);
        if (Draft && IsOwner)
        {
            var draft = (await reports.DraftAsync(Id, reader, cancellationToken)).Value!;
            Shown = new ReportVersion(Id, Report.LatestVersion + 1, draft.Title, draft.Blocks, await ReportData.VersionAsync(data, cancellationToken), reader.PractitionerId, draft.UpdatedAt, "Draft, not saved", null);
        }
        else
        {
            Draft = false;
            Shown = await reports.VersionAsync(Id, Version, reader, cancellationToken);
        }

        if (Shown is null)
        {
            return false;
        }

        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        Dataset = await data.DatasetAsync(cancellationToken);
        Blocks = Dataset is null ? [] : ReportRenderer.Render(Shown, Dataset, Viewer.Authority);
        return true;
    }
}
