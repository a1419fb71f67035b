namespace GmConnect.Workbench.Discussion;

/// <summary>
/// Who may see a report, decided by the reports themselves (owner and sharing): threads, comments and notifications
/// follow the report, so nobody reads, posts in or is told about a discussion on a report they cannot see.
/// </summary>
public interface IDiscussionAccess
{
    /// <summary>The report when <paramref name="user"/> may see it (in the role they act in, or — with none given — in any role they hold); null when it does not exist or is not theirs to see (the two look the same).</summary>
    ValueTask<DiscussedReport?> FindReportAsync(string reportId, DiscussionUser user, CancellationToken cancellationToken = default);
}
