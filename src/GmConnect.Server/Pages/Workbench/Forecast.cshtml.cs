using System.Globalization;
using System.Text;
using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Forecast;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// The demand forecast with an editable scenario: the stock-and-flow model fitted on the chosen area's recent years,
/// projected under the fitted rates (baseline) and under the analyst's multipliers on entries, exits and moves, costed
/// with their weekly costs. A GET form, so a scenario can be shared by its address.
/// </summary>
[Authorize]
public sealed class ForecastModel(WorkbenchData data) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Years { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Exit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Move { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fostering { get; set; }
    [BindProperty(SupportsGet = true)] public string? Residential { get; set; }
    [BindProperty(SupportsGet = true)] public string? Supported { get; set; }
    [BindProperty(SupportsGet = true)] public string? Other { get; set; }

    internal ExploreDataset? Dataset { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    public Dictionary<string, string> Errors { get; } = [];

    internal DemandModel? Fitted { get; private set; }

    internal IReadOnlyList<ForecastValue> Values { get; private set; } = [];

    internal string AreaName { get; private set; } = Ssda903Measures.GreaterManchester;

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
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{AreaName},{v.Scenario},{v.YearAhead},{v.Date:yyyy-MM-dd},{v.Category},{v.Mean},{v.Lower},{v.Upper},{v.CostOfYear}"));
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

        AreaName = Area ?? Ssda903Measures.GreaterManchester;
        if (AreaName != Ssda903Measures.GreaterManchester && !Dataset.Authorities.Contains(AreaName, StringComparer.Ordinal))
        {
            Errors["area"] = "Select Greater Manchester or one of the ten authorities";
            AreaName = Ssda903Measures.GreaterManchester;
        }

        var years = Whole("years", Years, 3, 1, 5, "Years ahead must be a whole number from 1 to 5");
        var reference = Whole("reference", Reference, 3, 1, Math.Max(1, Dataset.Years.Count), $"Years of history must be a whole number from 1 to {Dataset.Years.Count}");
        var entry = Number("entry", Entry, 1, 0, 5, "Entries must be a multiplier from 0 to 5, such as 1.1");
        var exit = Number("exit", Exit, 1, 0, 5, "Exits must be a multiplier from 0 to 5, such as 0.9");
        var move = Number("move", Move, 1, 0, 5, "Moves must be a multiplier from 0 to 5, such as 1");
        var defaults = new PlacementCosts();
        var costs = new PlacementCosts
        {
            Fostering = (decimal)Number("fostering", Fostering, (double)defaults.Fostering, 0, 100_000, "The weekly cost of fostering must be a number of pounds from 0 to 100,000"),
            Residential = (decimal)Number("residential", Residential, (double)defaults.Residential, 0, 100_000, "The weekly cost of residential care must be a number of pounds from 0 to 100,000"),
            Supported = (decimal)Number("supported", Supported, (double)defaults.Supported, 0, 100_000, "The weekly cost of supported accommodation must be a number of pounds from 0 to 100,000"),
            Other = (decimal)Number("other", Other, (double)defaults.Other, 0, 100_000, "The weekly cost of other placements must be a number of pounds from 0 to 100,000"),
        };
        if (Errors.Count > 0)
        {
            return;
        }

        Fitted = Dataset.Model(AreaName, reference);
        if (Fitted is not null)
        {
            Values = Fitted.Project(years, [ForecastScenario.Baseline, new ForecastScenario("scenario", entry, exit, move)], costs);
        }
    }

    private int Whole(string key, string? text, int fallback, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        Errors[key] = message;
        return fallback;
    }

    private double Number(string key, string? text, double fallback, double min, double max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        Errors[key] = message;
        return fallback;
    }
}
