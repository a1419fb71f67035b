namespace GmConnect.Workbench.Reports;

/// <summary>A report: its owner (a practitioner), when it was made, its latest version's number and whom it is shared with.</summary>
public sealed record Report(string Id, string OwnerId, DateTimeOffset CreatedAt, int LatestVersion, IReadOnlyList<ReportShare> Shares)
{
    /// <summary>Only the owner edits, saves, restores and shares.</summary>
    public bool IsOwnedBy(ReportReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return string.Equals(OwnerId, reader.PractitionerId, StringComparison.Ordinal);
    }

    /// <summary>The owner and those a share reaches see the report; nobody else learns that it exists.</summary>
    public bool IsReadableBy(ReportReader reader) => IsOwnedBy(reader) || Shares.Any(reader.IsReachedBy);
}
