using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// Draws a report version's blocks for one viewer: each chart from its measure, view and filters on the data loaded
/// now, suppressed for that viewer (an analyst sees their own authority whole, everyone else small numbers withheld;
/// exports withhold them in every area), and each text block's Markdown as safe HTML.
/// </summary>
internal static class ReportRenderer
{
    /// <summary>Renders every block; <paramref name="viewerAuthority"/> null withholds small numbers everywhere.</summary>
    public static IReadOnlyList<RenderedBlock> Render(ReportVersion version, ExploreDataset data, string? viewerAuthority, bool links = true)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(data);
        return [.. version.Blocks.Select(b => b.Kind == ReportBlockKind.Text
            ? new RenderedBlock(b.Id, "Text", null, null, null, null, ReportMarkdown.ToHtml(b.Markdown ?? ""))
            : Chart(b, data, viewerAuthority, links))];
    }

    /// <summary>The explorer's query for a chart block (its filters and measure), and what in it the data do not know.</summary>
    public static ExploreQuery Query(ReportBlock block, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(block);
        var values = QueryHelpers.ParseQuery(block.Filters ?? "");
        values["measure"] = block.Measure;
        return ExploreQuery.Parse(new QueryCollection(values), data);
    }

    /// <summary>A chart's filters in words: area, year and the filters on children.</summary>
    public static string Describe(ReportBlock block, ExploreDataset data)
    {
        var q = Query(block, data);
        var area = q.Area == "GM" ? "Greater Manchester" : q.Area;
        return $"{area}, {q.Year}; {q.Describe()}";
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

    private static RenderedBlock Chart(ReportBlock b, ExploreDataset data, string? viewerAuthority, bool links)
    {
        var title = b.Title ?? "Chart";
        var q = Query(b, data);
        var explore = q.With("/workbench/explore");
        if (q.Errors.Count > 0 || b.View is null || !ExploreCharts.Views.Contains(b.View, StringComparer.Ordinal) || q.Measure.Name != b.Measure)
        {
            var problem = "This chart cannot be drawn from the data loaded now: " + (q.Errors.Count > 0 ? string.Join("; ", q.Errors.Values) : "its measure or view is not known") + ".";
            return new RenderedBlock(b.Id, title, null, null, links ? explore : null, problem, null);
        }

        var figures = data.Measures(q.Filter, viewerAuthority);
        var rows = ExploreCharts.Rows(b.View, q, figures);
        var filters = Describe(b, data);
        var description = $"{q.Measure.Title}: {ExploreCharts.Title(b.View, q)}. Filters: {filters}.";
        var chart = new ChartBlock(b.Id, title, description, ExploreCharts.Spec(b.View, q, rows),
            links ? q.With("/workbench/explore", ("handler", "csv"), ("view", b.View)) : null, PivotTable.For(b.View, q, rows).ToChartTable());
        return new RenderedBlock(b.Id, title, chart, filters, links ? explore : null, null, null);
    }
}
