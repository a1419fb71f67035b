using GmConnect.Workbench.Discussion;

namespace GmConnect.Workbench.Tests.Discussion;

/// <summary>
/// Reports as the discussion sees them, held in memory: each with a title, block ids and the practitioners who may read
/// it. Sharing can change during a test (<see cref="Unshare"/>), as it can in the reports themselves.
/// </summary>
internal sealed class FakeReports : IDiscussionAccess, IDiscussionDirectory
{
    private readonly Dictionary<string, (string Title, string[] Blocks, HashSet<string> Readers)> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscussionPerson> _people = new(StringComparer.OrdinalIgnoreCase);

    public List<(string ReportId, string PractitionerId)> Asked { get; } = [];

    public FakeReports Person(string id, string name)
    {
        _people[id] = new DiscussionPerson(id, name);
        return this;
    }

    public FakeReports Report(string id, string title, string[] blocks, params string[] readers)
    {
        _reports[id] = (title, blocks, new HashSet<string>(readers, StringComparer.Ordinal));
        return this;
    }

    public void Unshare(string reportId, string practitionerId) => _reports[reportId].Readers.Remove(practitionerId);

    public ValueTask<DiscussedReport?> FindReportAsync(string reportId, DiscussionUser user, CancellationToken cancellationToken = default)
    {
        Asked.Add((reportId, user.PractitionerId));
        return ValueTask.FromResult(_reports.TryGetValue(reportId, out var r) && r.Readers.Contains(user.PractitionerId)
            ? new DiscussedReport(reportId, r.Title, r.Blocks)
            : null);
    }

    public DiscussionPerson? Find(string practitionerId) => _people.GetValueOrDefault(practitionerId);
}
