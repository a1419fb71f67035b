using System.Text;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// One measure explored: filters in the query string (so the address shares the view), three charts each with its
/// table (the table is the view without JavaScript and for screen readers), and each chart's data as CSV.
/// </summary>
[Authorize]
public sealed class ExploreModel(WorkbenchData data) : WorkbenchQueryPageModel(data)
{
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
        if (await LoadQueryAsync(cancellationToken) is not var (dataset, query))
        {
            return;
        }

        Figures = dataset.Measures(query.Filter, Viewer.Authority);
    }
}
