namespace GmConnect.Server.Workbench;

/// <summary>
/// One chart on a Workbench page, as the shared partial draws it: heading, the Vega-Lite chart (with PNG and SVG
/// buttons once drawn), a CSV link, and the table holding the same figures.
/// </summary>
internal sealed record ChartBlock(string Id, string Title, string Description, string Spec, string? CsvHref, ChartTable Table)
{
    /// <summary>Where "Add to report" leads (the chart's measure, view and filters in the address); none when the chart cannot go in a report.</summary>
    public string? AddToReportHref { get; init; }
}
