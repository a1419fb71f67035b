namespace GmConnect.Workbench.Reports;

/// <summary>
/// One saved version of a report, never changed once written: its title and blocks, the Workbench data version the
/// figures were drawn from when it was saved (each chart block holds its own filters), who saved it, when, and why.
/// </summary>
public sealed record ReportVersion(
    string ReportId,
    int Number,
    string Title,
    IReadOnlyList<ReportBlock> Blocks,
    string DataVersion,
    string SavedBy,
    DateTimeOffset SavedAt,
    string? Note,
    int? RestoredFrom)
{
    /// <summary>The chart blocks, in order.</summary>
    public IEnumerable<ReportBlock> Charts => Blocks.Where(b => b.Kind == ReportBlockKind.Chart);
}
