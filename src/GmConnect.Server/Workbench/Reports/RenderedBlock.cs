namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// A report block ready to show: a chart drawn from the current data with its filters in words (or the reason it
/// cannot be drawn), or a text block's safe HTML. <see cref="Id"/> is the block's stable id.
/// </summary>
internal sealed record RenderedBlock(string Id, string Title, ChartBlock? Chart, string? FiltersText, string? ExploreHref, string? Problem, string? Html);
