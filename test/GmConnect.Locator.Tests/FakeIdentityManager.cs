using System.Collections.Concurrent;
using GmConnect.Identity.Manager;

namespace GmConnect.Locator.Tests;

/// <summary>
/// An in-memory stand-in for the Identity Manager: persons with their identifiers, merge and unmerge. Only what the
/// Locator calls (ResolveAsync, GetPersonAsync, PersonChangesAsync) is implemented; the rest throws.
/// </summary>
public sealed class FakeIdentityManager : IIdentityManager
{
    private readonly ConcurrentDictionary<string, PersonView> _persons = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, (PersonView Survivor, PersonView Merged)> _merges = new();
    private readonly ConcurrentQueue<HistoryEntry> _changes = new();
    private long _sequence;

    /// <summary>Adds a person with one source record carrying the given identifiers.</summary>
    public void AddPerson(string personId, params (string System, string Value)[] identifiers)
    {
        var record = new IdentityRecord { Source = "test:" + personId, RecordId = personId };
        var ids = new List<RecordIdentifier> { new(IdentifierSystems.ForSource(record.Source), record.RecordId) };
        ids.AddRange(identifiers.Select(i => new RecordIdentifier(i.System, i.Value)));
        var linked = new LinkedRecord(record, 1, personId, new LinkProvenance(LinkMethod.Founding, null, null, null, DateTimeOffset.UnixEpoch), ids);
        _persons[personId] = new PersonView(personId, [linked]);
    }

    public Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default)
    {
        var survivor = _persons[survivorPersonId];
        var merged = _persons[mergedPersonId];
        var sequence = Interlocked.Increment(ref _sequence);
        _merges[sequence] = (survivor, merged);
        _persons[survivorPersonId] = survivor with { Records = [.. survivor.Records, .. merged.Records.Select(r => r with { PersonId = survivorPersonId })] };
        _persons[mergedPersonId] = new PersonView(mergedPersonId, [], survivorPersonId);
        var entry = new HistoryEntry(sequence, HistoryKind.Merge, survivorPersonId, mergedPersonId, null, action.StewardId, action.Reason, DateTimeOffset.UnixEpoch);
        _changes.Enqueue(entry);
        return Task.FromResult(entry);
    }

    public Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default)
    {
        var (survivor, merged) = _merges[mergeSequence];
        _persons[survivor.PersonId] = survivor;
        _persons[merged.PersonId] = merged;
        var entry = new HistoryEntry(Interlocked.Increment(ref _sequence), HistoryKind.Unmerge, survivor.PersonId, merged.PersonId, null, action.StewardId, action.Reason, DateTimeOffset.UnixEpoch);
        _changes.Enqueue(entry);
        return Task.FromResult(entry);
    }

    public Task<IReadOnlyList<HistoryEntry>> PersonChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>([.. _changes.Where(c => c.Sequence > afterSequence).OrderBy(c => c.Sequence).Take(limit)]);

    public Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default)
    {
        if (system == IdentifierSystems.Person)
        {
            return Task.FromResult(_persons.GetValueOrDefault(value));
        }

        // As the real index: an identifier carried by two live persons is ambiguous and resolves to nothing.
        var owners = _persons.Values
            .Where(p => p.MergedInto is null && p.Identifiers.Any(i => i.System == system && i.Value == value))
            .ToList();
        return Task.FromResult(owners.Count == 1 ? owners[0] : null);
    }

    public Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_persons.GetValueOrDefault(personId));

    public Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
