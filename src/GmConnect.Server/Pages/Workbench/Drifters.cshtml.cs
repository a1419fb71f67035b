using System.Text;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>The drifters story: children who enter care aged 0–2, how long they stay and how they leave, by area and by year of entry.</summary>
[Authorize]
public sealed class DriftersModel(WorkbenchData data) : WorkbenchQueryPageModel(data)
{
    internal IReadOnlyList<DriftersRow> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(string? view, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Query is null || view is null || !DriftersCharts.Views.Contains(view))
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(DriftersCharts.ToCsv(DriftersCharts.Rows(view, Query.Area, Results))), "text/csv; charset=utf-8", $"drifters-{view}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await LoadQueryAsync(cancellationToken) is not var (dataset, query))
        {
            return;
        }

        Results = dataset.Drifters(query.Filter, Viewer.Authority);
    }
}
