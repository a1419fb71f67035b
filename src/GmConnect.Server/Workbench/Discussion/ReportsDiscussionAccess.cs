using GmConnect.Workbench.Discussion;
using GmConnect.Workbench.Reports;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>
/// The discussion's access decision, made by the reports: someone may read and post in a report's threads when the
/// report is theirs or shared with them (<see cref="Report.IsReadableBy"/>). The person signed in is asked about in the
/// organisation and role they act in; someone mentioned or to be notified, in each role the registry gives them. A block
/// of any saved version may be discussed, so a thread outlives a later version that drops its block.
/// </summary>
internal sealed class ReportsDiscussionAccess(ReportLibrary reports, GovernanceDiscussionDirectory people) : IDiscussionAccess
{
    public async ValueTask<DiscussedReport?> FindReportAsync(string reportId, DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        IEnumerable<(string OrganisationId, string Role)> roles = user.OrganisationId is { } organisation
            ? [(organisation, user.Role!)]
            : people.RolesOf(user.PractitionerId);
        foreach (var (organisationId, role) in roles)
        {
            if (await reports.VersionsAsync(reportId, new ReportReader(user.PractitionerId, organisationId, role), cancellationToken) is { Count: > 0 } versions)
            {
                return new DiscussedReport(reportId, versions[0].Title, [.. versions.SelectMany(v => v.Blocks).Select(b => b.Id).Distinct(StringComparer.Ordinal)]);
            }
        }

        return null;
    }
}
