namespace GmConnect.Server.Workbench.Reports;

/// <summary>The data version a report saved now is built on ("none" when the Workbench has no data).</summary>
internal static class ReportData
{
    public const string None = "none";

    public static async Task<string> VersionAsync(WorkbenchData data, CancellationToken cancellationToken) =>
        (await data.DatasetAsync(cancellationToken))?.Version ?? None;
}
