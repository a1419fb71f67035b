namespace GmConnect.Workbench.Reports;

/// <summary>
/// The owner's working copy of a report: what the editor changes (add, edit, move, remove blocks; the title) until it
/// is saved as a new version. Readers never see it.
/// </summary>
public sealed record ReportDraft(string ReportId, string Title, IReadOnlyList<ReportBlock> Blocks, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the draft differs from a version (title or blocks, in order, field by field).</summary>
    public bool DiffersFrom(ReportVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return !string.Equals(Title, version.Title, StringComparison.Ordinal) || !Blocks.SequenceEqual(version.Blocks);
    }
}
