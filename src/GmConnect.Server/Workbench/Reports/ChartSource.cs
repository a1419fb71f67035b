using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Http;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// A chart offered to a report, read from the address "Add to report" links to: what it shows (<see cref="What"/>,
/// <see cref="ViewTitle"/>, <see cref="FiltersText"/>), what the report block keeps (<see cref="Measure"/> and
/// <see cref="Filters"/>), and the page it came from.
/// </summary>
internal sealed record ChartSource(string Kind, string What, string ViewTitle, string FiltersText, string Measure, string Filters, string BackHref, string BackName)
{
    /// <summary>The title the chart gets unless the user changes it.</summary>
    public string DefaultTitle => $"{What}: {ViewTitle}";

    /// <summary>The chart the address describes, or null when its story, view or filters are not ones the data know.</summary>
    public static ChartSource? From(string? story, string view, IQueryCollection query, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(data);
        switch (story)
        {
            case null:
            {
                if (!ExploreCharts.Views.Contains(view, StringComparer.Ordinal) || ExploreQuery.Parse(query, data) is not { Errors.Count: 0 } q)
                {
                    return null;
                }

                return new ChartSource("Measure", q.Measure.Title, ExploreCharts.Title(view, q), $"{AreaName(q.Area)}, {q.Year}; {q.Describe()}",
                    q.Measure.Name, ReportRenderer.Filters(q), q.With("/workbench/explore"), "Explore");
            }

            case "drifters":
            {
                if (!DriftersCharts.Views.Contains(view, StringComparer.Ordinal) || ExploreQuery.Parse(query, data) is not { Errors.Count: 0 } q)
                {
                    return null;
                }

                var area = view == "areas" ? "every area" : AreaName(q.Area);
                return new ChartSource("Story", "Drifters", DriftersCharts.Title(view, q.Area), $"{area}, every year of entry; {q.Describe()}",
                    ReportRenderer.DriftersStory, ReportRenderer.Filters(q), q.With("/workbench/drifters", ("measure", null), ("year", null)), "Drifters");
            }

            case "forecast":
            {
                if (!ReportRenderer.ForecastViews.Contains(view, StringComparer.Ordinal) || ForecastQuery.Parse(query, data) is not { Errors.Count: 0 } q)
                {
                    return null;
                }

                return new ChartSource("Forecast", "Forecast", ReportRenderer.ForecastTitle(view), q.Describe(),
                    ReportRenderer.ForecastStory, q.ToQueryString(), q.With("/workbench/forecast"), "Forecast");
            }

            default:
                return null;
        }
    }

    private static string AreaName(string area) => area == Ssda903Measures.GreaterManchester ? "Greater Manchester" : area;
}
