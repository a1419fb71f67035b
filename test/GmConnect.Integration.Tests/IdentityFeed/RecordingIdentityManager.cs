using GmConnect.Identity.Manager;

namespace GmConnect.Integration.Tests.IdentityFeed;

/// <summary>
/// A test double of the Identity Manager that records what it is given and, like the real one, treats a record
/// submitted again with the same content as unchanged. Can be told to fail on a record, to test resumption.
/// </summary>
internal sealed class RecordingIdentityManager : IIdentityManager
{
    private readonly Dictionary<SourceRecordKey, IdentityRecord> _held = [];

    public List<IdentityRecord> Submitted { get; } = [];

    public Func<IdentityRecord, bool>? FailOn { get; set; }

    public IReadOnlyDictionary<SourceRecordKey, IdentityRecord> Held => _held;

    public Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default)
    {
        if (FailOn?.Invoke(record) == true)
        {
            throw new InvalidOperationException("the index is down");
        }

        Submitted.Add(record);
        var unchanged = _held.TryGetValue(record.Key, out var held) && held == record;
        _held[record.Key] = record;
        return Task.FromResult(new MatchOutcome(record.Key, unchanged ? MatchDecision.Unchanged : MatchDecision.NewPerson, "p-" + record.RecordId, null, null));
    }

    public Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default) => throw new NotSupportedException();
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
