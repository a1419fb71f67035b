using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// Draws a report version's blocks for one viewer: each chart from where it came from (an explorer measure, the
/// drifters story or the forecast) and its filters, on the data loaded now, suppressed for that viewer (an analyst
/// sees their own authority whole, everyone else small numbers withheld; exports withhold them in every area), and
/// each text block's Markdown as safe HTML.
/// </summary>
internal static class ReportRenderer
{
    /// <summary>The <see cref="ReportBlock.Measure"/> of a chart from the drifters story (no explorer measure has a colon).</summary>
    public const string DriftersStory = "story:drifters";

    /// <summary>The <see cref="ReportBlock.Measure"/> of a chart from the forecast; its filters are the scenario's address.</summary>
    public const string ForecastStory = "story:forecast";

    /// <summary>The forecast's two charts.</summary>
    public static readonly string[] ForecastViews = ["total", "categories"];

    /// <summary>Renders every block; <paramref name="viewerAuthority"/> null withholds small numbers everywhere.</summary>
    public static IReadOnlyList<RenderedBlock> Render(ReportVersion version, ExploreDataset data, string? viewerAuthority, bool links = true)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(data);
        return [.. version.Blocks.Select(b => b.Kind == ReportBlockKind.Text
            ? new RenderedBlock(b.Id, "Text", null, null, null, null, ReportMarkdown.ToHtml(b.Markdown ?? ""))
            : b.Measure switch
            {
                DriftersStory => Drifters(b, data, viewerAuthority, links),
                ForecastStory => Forecast(b, data, links),
                _ => Explorer(b, data, viewerAuthority, links),
            })];
    }

    /// <summary>The explorer's query for a chart block (its filters and measure), and what in it the data do not know.</summary>
    public static ExploreQuery Query(ReportBlock block, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(block);
        var values = Values(block);
        if (block.Measure is DriftersStory or ForecastStory)
        {
            values.Remove("measure");
        }
        else
        {
            values["measure"] = block.Measure;
        }

        return ExploreQuery.Parse(new QueryCollection(values), data);
    }

    /// <summary>A chart's filters in words: area, year and the filters on children (for the forecast, its scenario).</summary>
    public static string Describe(ReportBlock block, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Measure == ForecastStory
            ? Describe(ForecastQuery.Parse(new QueryCollection(Values(block)), data))
            : Describe(block, Query(block, data));
    }

    // The same, from the block's query already parsed (rendering parses each block's filters once).
    private static string Describe(ReportBlock block, ExploreQuery q)
    {
        var area = q.Area == Ssda903Measures.GreaterManchester ? "Greater Manchester" : q.Area;
        return block.Measure == DriftersStory
            ? $"drifters, {(block.View == "areas" ? "every area" : area)}, every year of entry; {q.Describe()}"
            : $"{area}, {q.Year}; {q.Describe()}";
    }

    private static string Describe(ForecastQuery q) => "forecast: " + q.Describe();

    /// <summary>Where a chart block can be opened again with its filters, and what that place is called.</summary>
    public static (string Href, string Name) Source(ReportBlock block, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Measure switch
        {
            DriftersStory => (Query(block, data).With("/workbench/drifters", ("measure", null), ("year", null)), "the drifters story"),
            ForecastStory => (ForecastQuery.Parse(new QueryCollection(Values(block)), data).With("/workbench/forecast"), "the forecast"),
            _ => (Query(block, data).With("/workbench/explore"), "the explorer"),
        };
    }

    /// <summary>The explorer's filters a chart block keeps (every key but the measure), from an explorer query.</summary>
    public static string Filters(ExploreQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var href = query.With("/");
        var at = href.IndexOf('?', StringComparison.Ordinal);
        var values = QueryHelpers.ParseQuery(at < 0 ? "" : href[at..]);
        values.Remove("measure");
        return QueryHelpers.AddQueryString("", values.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString()))).TrimStart('?');
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Values(ReportBlock block) =>
        QueryHelpers.ParseQuery(block.Filters ?? "");

    private static RenderedBlock Problem(ReportBlock b, string title, string? href, string why) =>
        new(b.Id, title, null, null, href, "This chart cannot be drawn from the data loaded now: " + why + ".", null);

    private static RenderedBlock Explorer(ReportBlock b, ExploreDataset data, string? viewerAuthority, bool links)
    {
        var title = b.Title ?? "Chart";
        var q = Query(b, data);
        var explore = q.With("/workbench/explore");
        if (q.Errors.Count > 0 || b.View is null || !ExploreCharts.Views.Contains(b.View, StringComparer.Ordinal) || q.Measure.Name != b.Measure)
        {
            return Problem(b, title, links ? explore : null, q.Errors.Count > 0 ? string.Join("; ", q.Errors.Values) : "its measure or view is not known");
        }

        var figures = data.Measures(q.Filter, viewerAuthority);
        var rows = ExploreCharts.Rows(b.View, q, figures);
        var filters = Describe(b, q);
        var description = $"{q.Measure.Title}: {ExploreCharts.Title(b.View, q)}. Filters: {filters}.";
        var chart = new ChartBlock(b.Id, title, description, ExploreCharts.Spec(b.View, q, rows),
            links ? q.With("/workbench/explore", ("handler", "csv"), ("view", b.View)) : null, PivotTable.For(b.View, q, rows).ToChartTable());
        return new RenderedBlock(b.Id, title, chart, filters, links ? explore : null, null, null);
    }

    private static RenderedBlock Drifters(ReportBlock b, ExploreDataset data, string? viewerAuthority, bool links)
    {
        var title = b.Title ?? "Chart";
        var q = Query(b, data);
        var story = q.With("/workbench/drifters", ("measure", null), ("year", null));
        if (q.Errors.Count > 0 || b.View is null || !DriftersCharts.Views.Contains(b.View, StringComparer.Ordinal))
        {
            return Problem(b, title, links ? story : null, q.Errors.Count > 0 ? string.Join("; ", q.Errors.Values) : "its view is not known");
        }

        var rows = DriftersCharts.Rows(b.View, q.Area, data.Drifters(q.Filter, viewerAuthority));
        var filters = Describe(b, q);
        var description = $"Drifters: {DriftersCharts.Title(b.View, q.Area)}. Filters: {filters}.";
        var chart = new ChartBlock(b.Id, title, description, DriftersCharts.Spec(b.View, q.Area, rows),
            links ? q.With("/workbench/drifters", ("handler", "csv"), ("view", b.View), ("measure", null), ("year", null)) : null, DriftersCharts.Table(b.View, rows));
        return new RenderedBlock(b.Id, title, chart, filters, links ? story : null, null, null);
    }

    private static RenderedBlock Forecast(ReportBlock b, ExploreDataset data, bool links)
    {
        var title = b.Title ?? "Chart";
        var q = ForecastQuery.Parse(new QueryCollection(Values(b)), data);
        var forecast = q.With("/workbench/forecast");
        if (q.Errors.Count > 0 || b.View is null || !ForecastViews.Contains(b.View, StringComparer.Ordinal))
        {
            return Problem(b, title, links ? forecast : null, q.Errors.Count > 0 ? string.Join("; ", q.Errors.Values) : "its view is not known");
        }

        if (q.Project(data) is not { } projected)
        {
            return Problem(b, title, links ? forecast : null, "nobody was looked after in this area in the years it is fitted on");
        }

        var filters = Describe(q);
        var description = $"Forecast: {ForecastTitle(b.View)}. Scenario: {filters}.";
        var chart = new ChartBlock(b.Id, title, description, ForecastCharts.Spec(b.View, projected.Values),
            links ? q.With("/workbench/forecast", ("handler", "csv")) : null, ForecastCharts.Table(b.View, projected.Values));
        return new RenderedBlock(b.Id, title, chart, filters, links ? forecast : null, null, null);
    }

    /// <summary>A forecast chart's title, as the forecast page gives it.</summary>
    public static string ForecastTitle(string view) => view == "total" ? "Children in care: baseline and scenario" : "By placement type";
}
