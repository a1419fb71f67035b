using GmConnect.Identity.Manager;

namespace GmConnect.Locator.Benchmarks;

/// <summary>
/// A dictionary-backed Identity Manager for the benchmark: resolution is one hash lookup, so the figures measure the
/// Locator (store query, Governance filtering, audit append) rather than the index. Only Resolve and Get work.
/// </summary>
internal sealed class BenchIdentity : IIdentityManager
{
    private readonly Dictionary<(string, string), PersonView> _byIdentifier = [];
    private readonly Dictionary<string, PersonView> _byId = new(StringComparer.Ordinal);

    public void Add(string personId, params RecordIdentifier[] identifiers)
    {
        var record = new IdentityRecord { Source = "bench", RecordId = personId };
        var view = new PersonView(personId, [new LinkedRecord(record, 1, personId, new LinkProvenance(LinkMethod.Founding, null, null, null, default), identifiers)]);
        _byId[personId] = view;
        foreach (var identifier in identifiers)
        {
            _byIdentifier[(identifier.System, identifier.Value)] = view;
        }
    }

    public Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default) =>
        Task.FromResult(system == IdentifierSystems.Person ? _byId.GetValueOrDefault(value) : _byIdentifier.GetValueOrDefault((system, value)));

    public Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) => Task.FromResult(_byId.GetValueOrDefault(personId));

    public Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
