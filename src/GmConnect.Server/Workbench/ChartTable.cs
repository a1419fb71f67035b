namespace GmConnect.Server.Workbench;

/// <summary>A chart's figures as its table shows them, already formatted: a header per column, a header and cells per row.</summary>
internal sealed record ChartTable(string RowTitle, IReadOnlyList<string> Columns, IReadOnlyList<(string Header, IReadOnlyList<string> Cells)> Rows);
