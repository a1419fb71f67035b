using GmConnect.Identity.Manager;

namespace GmConnect.Web.Tests;

/// <summary>
/// A stand-in for the Identity Manager (implemented on another branch while these pages were built): an in-memory
/// index of records and persons with a review queue, merge, unmerge and history, enough to drive the pages
/// through IIdentityManager exactly as the real one will. It does no matching: tests add review tasks directly.
/// </summary>
internal sealed class FakeIdentityManager(TimeProvider time) : IIdentityManager
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SourceRecordKey, LinkedRecord> _records = [];
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ReviewTask> _tasks = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly Dictionary<long, (string Survivor, string Merged, SourceRecordKey[] Moved)> _merges = [];
    private long _sequence;
    private long _taskId;

    /// <summary>Stores a record as the founding record of a new person (or of the given one).</summary>
    public LinkedRecord Add(IdentityRecord record, string personId)
    {
        lock (_gate)
        {
            var linked = new LinkedRecord(record, 1, personId, new LinkProvenance(LinkMethod.Founding, null, null, null, time.GetUtcNow()), Identifiers(record));
            _records[record.Key] = linked;
            Append(HistoryKind.RecordReceived, personId, null, record.Key, "import", null);
            return linked;
        }
    }

    /// <summary>Opens a review task for two stored records.</summary>
    public long OpenReview(SourceRecordKey record, SourceRecordKey candidate, double probability, string explanationJson)
    {
        lock (_gate)
        {
            var id = ++_taskId;
            _tasks[id] = new ReviewTask(id, _records[record], _records[candidate], probability, explanationJson, time.GetUtcNow(), ReviewStatus.Open);
            Append(HistoryKind.ReviewOpened, _records[record].PersonId, _records[candidate].PersonId, record, "matcher", null);
            return id;
        }
    }

    public Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The web tests' stand-in does no matching.");

    public Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(key));
        }
    }

    public Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Person(personId));
        }
    }

    public Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (system == IdentifierSystems.Person)
            {
                return Task.FromResult(Person(value));
            }

            var persons = _records.Values
                .Where(r => r.Identifiers.Any(i => i.System == system && string.Equals(i.Value, value, StringComparison.OrdinalIgnoreCase)))
                .Select(r => r.PersonId).Distinct().ToArray();
            // As the real one: an identifier carried by two persons resolves to nothing.
            return Task.FromResult(persons.Length == 1 ? Person(persons[0]) : null);
        }
    }

    public Task<IReadOnlyList<ScoredCandidate>> SearchAsync(DemographicQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var results = new List<ScoredCandidate>();
            foreach (var r in _records.Values)
            {
                var why = new List<string>();
                var misses = 0;
                void Check(string? wanted, string? actual, string label)
                {
                    if (wanted is null)
                    {
                        return;
                    }

                    if (string.Equals(wanted.Replace(" ", "", StringComparison.Ordinal), actual?.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                    {
                        why.Add(label + " agrees");
                    }
                    else
                    {
                        misses++;
                    }
                }

                Check(query.FamilyName, r.Record.FamilyName, "family name");
                Check(query.GivenName, r.Record.GivenName, "given name");
                Check(query.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Record.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "date of birth");
                Check(query.Postcode, r.Record.Postcode, "postcode");
                if (why.Count > 0 && (misses == 0 || query.Mode == SearchMode.Fuzzy))
                {
                    var probability = why.Count / (double)(why.Count + misses);
                    results.Add(new ScoredCandidate(r, probability, null, probability >= 0.99 ? MatchGrade.Certain : probability >= 0.5 ? MatchGrade.Probable : MatchGrade.Possible, why));
                }
            }

            return Task.FromResult<IReadOnlyList<ScoredCandidate>>(results.OrderByDescending(r => r.Probability).Take(query.Limit).ToArray());
        }
    }

    public Task<IReadOnlyList<ScoredCandidate>> MatchAsync(IdentityRecord probe, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The web tests' stand-in does no matching.");

    public Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ReviewTask>>(_tasks.Values.Where(t => t.Status == status).OrderBy(t => t.Id).Take(limit).ToArray());
        }
    }

    public Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.GetValueOrDefault(taskId));
        }
    }

    public async Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default)
    {
        action.Validate();
        ReviewTask task;
        lock (_gate)
        {
            task = _tasks.GetValueOrDefault(taskId) ?? throw new IdentityException(IdentityError.NotFound, $"No review task {taskId}.");
            if (task.Status != ReviewStatus.Open)
            {
                throw new IdentityException(IdentityError.Conflict, $"Review task {taskId} is already decided.");
            }

            task = task with { Status = ReviewStatus.Decided, Decision = decision, DecidedBy = action.StewardId, DecidedAt = time.GetUtcNow(), Reason = action.Reason };
            _tasks[taskId] = task;
            Append(HistoryKind.ReviewDecided, task.Record.PersonId, task.Candidate.PersonId, task.Record.Record.Key, action.StewardId, action.Reason);
        }

        if (decision == ReviewDecision.SamePerson)
        {
            await MergeAsync(task.Candidate.PersonId, task.Record.PersonId, action, cancellationToken);
        }

        return task;
    }

    public Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default)
    {
        action.Validate();
        lock (_gate)
        {
            var moved = _records.Values.Where(r => r.PersonId == mergedPersonId).Select(r => r.Record.Key).ToArray();
            foreach (var key in moved)
            {
                _records[key] = _records[key] with { PersonId = survivorPersonId };
            }

            _mergedInto[mergedPersonId] = survivorPersonId;
            var entry = Append(HistoryKind.Merge, survivorPersonId, mergedPersonId, null, action.StewardId, action.Reason);
            _merges[entry.Sequence] = (survivorPersonId, mergedPersonId, moved);
            return Task.FromResult(entry);
        }
    }

    public Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default)
    {
        action.Validate();
        lock (_gate)
        {
            if (!_merges.Remove(mergeSequence, out var merge))
            {
                throw new IdentityException(IdentityError.NotFound, $"No merge {mergeSequence} to undo.");
            }

            foreach (var key in merge.Moved)
            {
                _records[key] = _records[key] with { PersonId = merge.Merged };
            }

            _mergedInto.Remove(merge.Merged);
            return Task.FromResult(Append(HistoryKind.Unmerge, merge.Survivor, merge.Merged, null, action.StewardId, action.Reason));
        }
    }

    public Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the pages yet.");

    public Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the pages yet.");

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HistoryEntry>>(_history.Where(h => h.PersonId == personId || h.OtherPersonId == personId).ToArray());
        }
    }

    private PersonView? Person(string personId)
    {
        var records = _records.Values.Where(r => r.PersonId == personId).ToArray();
        var merged = _mergedInto.GetValueOrDefault(personId);
        return records.Length == 0 && merged is null ? null : new PersonView(personId, records, merged);
    }

    private HistoryEntry Append(HistoryKind kind, string personId, string? other, SourceRecordKey? record, string by, string? reason)
    {
        var entry = new HistoryEntry(++_sequence, kind, personId, other, record, by, reason, time.GetUtcNow());
        _history.Add(entry);
        return entry;
    }

    private static RecordIdentifier[] Identifiers(IdentityRecord r)
    {
        var list = new List<RecordIdentifier> { new(IdentifierSystems.ForSource(r.Source), r.RecordId) };
        if (r.NhsNumber is { } nhs) { list.Add(new(IdentifierSystems.NhsNumber, nhs)); }
        if (r.Upn is { } upn) { list.Add(new(IdentifierSystems.Upn, upn)); }
        if (r.Nino is { } nino) { list.Add(new(IdentifierSystems.Nino, nino)); }
        if (r.PncId is { } pnc) { list.Add(new(IdentifierSystems.PncId, pnc)); }
        return [.. list];
    }
}
