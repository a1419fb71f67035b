namespace GmConnect.Workbench.Reports;

/// <summary>A report as a list shows it: its latest version's title, number and saving, its owner and how many shares it has.</summary>
public sealed record ReportSummary(string Id, string OwnerId, string Title, int LatestVersion, string SavedBy, DateTimeOffset SavedAt, int Shares);
