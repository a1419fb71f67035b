using System.Text;
using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// One measure explored: filters in the query string (so the address shares the view), three charts each with its
/// table (the table is the view without JavaScript and for screen readers), and each chart's data as CSV.
/// </summary>
[Authorize]
public sealed class ExploreModel(WorkbenchData data) : PageModel
{
    internal ExploreDataset? Dataset { get; private set; }

    internal ExploreQuery? Query { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    internal IReadOnlyList<MeasureValue> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A view's figures as CSV (<c>area,year,measure,category,kind,value,base</c>; withheld as <c>c</c>).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? view, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Dataset is null || Query is null || view is null || !ExploreCharts.Views.Contains(view))
        {
            return NotFound();
        }

        var writer = new StringWriter();
        MeasureWriter.WriteCsv(ExploreCharts.Rows(view, Query, Figures), writer);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", $"{Query.Measure.Name}-{view}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        Dataset = await data.DatasetAsync(cancellationToken);
        if (Dataset is null)
        {
            return;
        }

        Query = ExploreQuery.Parse(Request.Query, Dataset);
        Figures = Dataset.Measures(Query.Filter, Viewer.Authority);
    }
}
