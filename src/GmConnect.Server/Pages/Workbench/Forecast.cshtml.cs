using System.Globalization;
using System.Text;
using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Forecast;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// The demand forecast with an editable scenario: the stock-and-flow model fitted on the chosen area's recent years,
/// projected under the fitted rates (baseline) and under the analyst's multipliers on entries, exits and moves, costed
/// with their weekly costs. A GET form, so a scenario can be shared by its address (<see cref="ForecastQuery"/>).
/// </summary>
[Authorize]
public sealed class ForecastModel(WorkbenchData data) : PageModel
{
    internal ExploreDataset? Dataset { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    internal ForecastQuery? Query { get; private set; }

    public Dictionary<string, string> Errors => Query?.Errors ?? [];

    internal DemandModel? Fitted { get; private set; }

    internal IReadOnlyList<ForecastValue> Values { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Values.Count == 0)
        {
            return NotFound();
        }

        var text = new StringBuilder("area,scenario,years_ahead,date,category,mean,lower,upper,cost_of_year\n");
        foreach (var v in Values)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Query!.Area},{v.Scenario},{v.YearAhead},{v.Date:yyyy-MM-dd},{v.Category},{v.Mean},{v.Lower},{v.Upper},{v.CostOfYear}"));
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "forecast.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        Dataset = await data.DatasetAsync(cancellationToken);
        if (Dataset is null)
        {
            return;
        }

        Query = ForecastQuery.Parse(Request.Query, Dataset);
        if (Query.Project(Dataset) is { } projected)
        {
            (Fitted, Values) = projected;
        }
    }
}
