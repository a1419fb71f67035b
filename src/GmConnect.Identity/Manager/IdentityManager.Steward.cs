using GmConnect.Identity.Index;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Manager;

/// <summary>The review queue and the data steward's changes: every one recorded with who, when and why.</summary>
public sealed partial class IdentityManager
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewTask>> ListReviewTasksAsync(ReviewStatus status, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _store.ReviewsAsync(status, limit, cancellationToken).ConfigureAwait(false);
            return [.. stored.Select(ToTask)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ReviewTask?> GetReviewTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _store.ReviewAsync(taskId, cancellationToken).ConfigureAwait(false);
            return stored is null ? null : ToTask(stored);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ReviewTask> DecideReviewAsync(long taskId, ReviewDecision decision, StewardAction action, CancellationToken cancellationToken = default)
    {
        Guard(action);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var task = await _store.ReviewAsync(taskId, cancellationToken).ConfigureAwait(false)
                ?? throw new IdentityException(IdentityError.NotFound, $"No review task {taskId}.");
            if (task.Status != ReviewStatus.Open)
            {
                throw new IdentityException(IdentityError.Conflict, $"Review task {taskId} is {task.Status.ToString().ToLowerInvariant()}, not open.");
            }

            var record = Record(task.Record);
            var candidate = Record(task.Candidate);
            var now = _time.GetUtcNow();
            var apply = new List<Action>();
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                await tx.CloseReviewAsync(taskId, ReviewStatus.Decided, decision, action.StewardId, now, action.Reason, cancellationToken).ConfigureAwait(false);
                await tx.AppendHistoryAsync(HistoryKind.ReviewDecided, record.PersonId, candidate.PersonId, record.Key, action.StewardId, $"task {taskId}: {decision}: {action.Reason}", now, cancellationToken).ConfigureAwait(false);
                if (decision == ReviewDecision.SamePerson)
                {
                    if (record.PersonId != candidate.PersonId)
                    {
                        await MoveByHandAsync(tx, record, _index.Persons[candidate.PersonId], action, now, apply, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    if (record.PersonId == candidate.PersonId)
                    {
                        throw new IdentityException(IdentityError.Conflict, "The two records are linked to one person now; unlink one first.");
                    }

                    await tx.AddCannotLinkAsync(new StoredCannotLink(record.Key, candidate.Key, true, action.StewardId, action.Reason, now), cancellationToken).ConfigureAwait(false);
                    apply.Add(() => _index.AddCannotLink(record.Key, candidate.Key, hard: true));
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            using (await _indexLock.WriteAsync().ConfigureAwait(false))
            {
                apply.ForEach(a => a());
            }

            return ToTask((await _store.ReviewAsync(taskId, cancellationToken).ConfigureAwait(false))!);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HistoryEntry> MergeAsync(string survivorPersonId, string mergedPersonId, StewardAction action, CancellationToken cancellationToken = default)
    {
        Guard(action);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var survivor = Live(survivorPersonId);
            var merged = Live(mergedPersonId);
            if (survivor == merged)
            {
                throw new IdentityException(IdentityError.Invalid, "A person cannot be merged into itself.");
            }

            foreach (var record in merged.Records)
            {
                CheckLinkable(record, survivor);
            }

            var now = _time.GetUtcNow();
            var moved = merged.Records.OrderBy(r => r.Link.Order).Select(r => new MergeDetail.Moved(r.Key, r.Link)).ToList();
            var links = new List<(IndexedRecord Record, StoredLink Link)>();
            HistoryEntry entry;
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var record in merged.Records)
                {
                    var link = new StoredLink(survivor.Id, new LinkProvenance(LinkMethod.Manual, null, null, action.StewardId, now), record.Link.Order);
                    await tx.PutRecordAsync(record.Key, record.Version, link, cancellationToken).ConfigureAwait(false);
                    links.Add((record, link));
                }

                await tx.SetMergedIntoAsync(merged.Id, survivor.Id, cancellationToken).ConfigureAwait(false);
                entry = await tx.AppendHistoryAsync(HistoryKind.Merge, survivor.Id, merged.Id, null, action.StewardId, action.Reason, now, cancellationToken, detail: MergeDetail.ToJson(moved)).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            using (await _indexLock.WriteAsync().ConfigureAwait(false))
            {
                foreach (var (record, link) in links)
                {
                    _index.Move(record, link);
                }

                merged.MergedInto = survivor.Id;
            }

            Log.StewardChange(_logger, action.StewardId, "merge", entry.Sequence);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HistoryEntry> UnmergeAsync(long mergeSequence, StewardAction action, CancellationToken cancellationToken = default)
    {
        Guard(action);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var merge = await _store.HistoryEntryAsync(mergeSequence, cancellationToken).ConfigureAwait(false);
            if (merge is null || merge.Entry.Kind != HistoryKind.Merge || merge.Entry.OtherPersonId is null)
            {
                throw new IdentityException(IdentityError.NotFound, $"History entry {mergeSequence} is not a merge.");
            }

            if (await _store.UndoneByAsync(mergeSequence, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new IdentityException(IdentityError.Conflict, $"Merge {mergeSequence} has already been undone.");
            }

            var survivor = _index.Persons[merge.Entry.PersonId];
            var merged = _index.Persons[merge.Entry.OtherPersonId];
            if (merged.MergedInto != survivor.Id || survivor.MergedInto is not null)
            {
                throw new IdentityException(IdentityError.Conflict, "The persons have changed since the merge (merged again elsewhere); undo the later merge first.");
            }

            // Records the merge moved that are still with the survivor go back exactly as they were; records that
            // arrived since, or that a steward has moved on, stay where they are.
            var back = MergeDetail.FromJson(merge.Detail)
                .Where(m => _index.Records.TryGetValue(m.Key, out var r) && r.PersonId == survivor.Id)
                .Select(m => (Record: _index.Records[m.Key], m.Before))
                .ToList();
            var now = _time.GetUtcNow();
            HistoryEntry entry;
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (record, before) in back)
                {
                    await tx.PutRecordAsync(record.Key, record.Version, before, cancellationToken).ConfigureAwait(false);
                }

                await tx.SetMergedIntoAsync(merged.Id, null, cancellationToken).ConfigureAwait(false);
                entry = await tx.AppendHistoryAsync(HistoryKind.Unmerge, survivor.Id, merged.Id, null, action.StewardId, action.Reason, now, cancellationToken, undoes: mergeSequence).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            using (await _indexLock.WriteAsync().ConfigureAwait(false))
            {
                merged.MergedInto = null;
                foreach (var (record, before) in back)
                {
                    _index.Move(record, before);
                }
            }

            Log.StewardChange(_logger, action.StewardId, "unmerge", entry.Sequence);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HistoryEntry> LinkAsync(SourceRecordKey record, string personId, StewardAction action, CancellationToken cancellationToken = default)
    {
        Guard(action);
        ArgumentNullException.ThrowIfNull(personId);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var indexed = Record(record);
            var target = Live(personId);
            if (indexed.PersonId == target.Id)
            {
                throw new IdentityException(IdentityError.Conflict, $"Record {record} is already linked to person {personId}.");
            }

            var now = _time.GetUtcNow();
            var apply = new List<Action>();
            HistoryEntry entry;
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                entry = await MoveByHandAsync(tx, indexed, target, action, now, apply, cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            using (await _indexLock.WriteAsync().ConfigureAwait(false))
            {
                apply.ForEach(a => a());
            }

            Log.StewardChange(_logger, action.StewardId, "link", entry.Sequence);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HistoryEntry> UnlinkAsync(SourceRecordKey record, StewardAction action, CancellationToken cancellationToken = default)
    {
        Guard(action);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var indexed = Record(record);
            var from = _index.Persons[indexed.PersonId];
            var mates = from.Records.Where(r => r != indexed).ToList();
            if (mates.Count == 0)
            {
                throw new IdentityException(IdentityError.Conflict, $"Record {record} is its person's only record; there is nothing to unlink it from.");
            }

            var now = _time.GetUtcNow();
            var personId = PersonIds.New();
            var link = new StoredLink(personId, new LinkProvenance(LinkMethod.Manual, null, null, action.StewardId, now), indexed.Link.Order);
            HistoryEntry entry;
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                await tx.InsertPersonAsync(personId, now, cancellationToken).ConfigureAwait(false);
                await tx.PutRecordAsync(record, indexed.Version, link, cancellationToken).ConfigureAwait(false);
                foreach (var mate in mates)
                {
                    // Soft: never linked back automatically; a steward may still link it by hand.
                    await tx.AddCannotLinkAsync(new StoredCannotLink(record, mate.Key, false, action.StewardId, action.Reason, now), cancellationToken).ConfigureAwait(false);
                }

                entry = await tx.AppendHistoryAsync(HistoryKind.Unlink, from.Id, personId, record, action.StewardId, action.Reason, now, cancellationToken).ConfigureAwait(false);
                await tx.AppendHistoryAsync(HistoryKind.PersonCreated, personId, from.Id, record, action.StewardId, action.Reason, now, cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            using (await _indexLock.WriteAsync().ConfigureAwait(false))
            {
                _index.AddPerson(personId);
                _index.Move(indexed, link);
                foreach (var mate in mates)
                {
                    _index.AddCannotLink(record, mate.Key, hard: false);
                }
            }

            Log.StewardChange(_logger, action.StewardId, "unlink", entry.Sequence);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> PersonChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return [.. (await _store.PersonChangesAsync(afterSequence, limit, cancellationToken).ConfigureAwait(false)).Select(h => h.Entry)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personId);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_index.Persons.ContainsKey(personId))
            {
                throw new IdentityException(IdentityError.NotFound, $"No person {personId}.");
            }

            return [.. (await _store.HistoryAsync(personId, cancellationToken).ConfigureAwait(false)).Select(h => h.Entry)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every stored version of a record, oldest first (records are never altered; each change is a version).</summary>
    public async Task<IReadOnlyList<(int Version, IdentityRecord Record, DateTimeOffset ReceivedAt)>> VersionsAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        var versions = await _store.VersionsAsync(key, cancellationToken).ConfigureAwait(false);
        return [.. versions.Select(v => (v.Version, v.Record, v.ReceivedAt))];
    }

    /// <summary>A steward moves a record to another person; a person left empty is marked merged into the target.</summary>
    private async Task<HistoryEntry> MoveByHandAsync(IdentityTransaction tx, IndexedRecord record, PersonEntry target, StewardAction action, DateTimeOffset now, List<Action> apply, CancellationToken cancellationToken)
    {
        CheckLinkable(record, target, manual: true);
        var from = _index.Persons[record.PersonId];
        var link = new StoredLink(target.Id, new LinkProvenance(LinkMethod.Manual, null, null, action.StewardId, now), _nextOrder++);
        await tx.PutRecordAsync(record.Key, record.Version, link, cancellationToken).ConfigureAwait(false);
        var entry = await tx.AppendHistoryAsync(HistoryKind.Link, target.Id, from.Id, record.Key, action.StewardId, action.Reason, now, cancellationToken).ConfigureAwait(false);
        var emptied = from.Records.All(r => r == record);
        if (emptied)
        {
            await tx.SetMergedIntoAsync(from.Id, target.Id, cancellationToken).ConfigureAwait(false);
            await tx.AppendHistoryAsync(HistoryKind.Merge, target.Id, from.Id, null, action.StewardId, action.Reason, now, cancellationToken,
                detail: MergeDetail.ToJson([new MergeDetail.Moved(record.Key, record.Link)])).ConfigureAwait(false);
        }

        apply.Add(() =>
        {
            _index.Move(record, link);
            if (emptied)
            {
                from.MergedInto = target.Id;
            }
        });
        return entry;
    }

    /// <summary>Refuses a link that breaks a guard: a "not the same person" decision, or conflicting valid identifiers.</summary>
    private void CheckLinkable(IndexedRecord record, PersonEntry target, bool manual = true)
    {
        if (_index.CannotLinkPerson(record.Key, target) is { } hard && (hard || !manual))
        {
            throw new IdentityException(IdentityError.Conflict, $"Record {record.Key} may not be linked to person {target.Id}: a reviewer decided they are not the same person.");
        }

        foreach (var id in record.Identifiers.Skip(1).Where(i => i.Valid))
        {
            if (target.Records.Any(r => r.Identifiers.Any(o => o.Valid && o.System == id.System && o.Value != id.Value)))
            {
                throw new IdentityException(IdentityError.Conflict, $"Record {record.Key} carries a valid identifier ({id.System}) that differs from person {target.Id}'s.");
            }
        }
    }

    private IndexedRecord Record(SourceRecordKey key) =>
        _index.Records.TryGetValue(key, out var record) ? record : throw new IdentityException(IdentityError.NotFound, $"No record {key}.");

    private PersonEntry Live(string personId)
    {
        if (!_index.Persons.TryGetValue(personId, out var person))
        {
            throw new IdentityException(IdentityError.NotFound, $"No person {personId}.");
        }

        return person.MergedInto is null
            ? person
            : throw new IdentityException(IdentityError.Conflict, $"Person {personId} was merged into {person.MergedInto}.");
    }

    private ReviewTask ToTask(StoredReview task) => new(
        task.Id,
        Record(task.Record).ToLinked(),
        Record(task.Candidate).ToLinked(),
        task.Probability,
        task.ExplanationJson,
        task.OpenedAt,
        task.Status,
        task.Decision,
        task.DecidedBy,
        task.DecidedAt,
        task.Reason);

    private static void Guard(StewardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (string.IsNullOrWhiteSpace(action.StewardId) || string.IsNullOrWhiteSpace(action.Reason))
        {
            throw new IdentityException(IdentityError.Invalid, "A steward's change needs the steward's id and a reason.");
        }
    }
}
