using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage;
using GmConnect.Identity.Matching;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Manager;

/// <summary>Bulk loads: the batch engine for the first load of an empty index, real-time matching after that.</summary>
public sealed partial class IdentityManager
{
    private const int BatchChunk = 5_000;

    // Records per transaction when a load goes through real-time matching.
    private const int LoadBatchSize = 500;

    /// <summary>
    /// Loads many records. Into an empty index, the batch engine links them all at once (training the model, which is
    /// stored as the index's model) and its clusters become persons; otherwise each record goes through real-time
    /// matching as <see cref="SubmitAsync"/> would. With <paramref name="rebatch"/>, the batch model is then re-run
    /// over every record and its clusters mapped onto the existing person ids by overlap, so that a person keeps
    /// its id where the people are the same (records a steward linked by hand stay where they are).
    /// Writes go in chunks: an interrupted load can be run again (records already held come back unchanged).
    /// </summary>
    public async Task<BulkLoadResult> LoadAsync(IEnumerable<IdentityRecord> records, bool rebatch = false, IProgress<BulkLoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var unique = new Dictionary<SourceRecordKey, IdentityRecord>();
        foreach (var record in records)
        {
            Check(record);
            unique[record.Key] = record;
        }

        var input = unique.Values.ToList();
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A bulk load changes the index throughout (and may replace it): readers wait for the whole of it.
            using var exclusive = await _indexLock.WriteAsync().ConfigureAwait(false);
            BulkLoadResult result;
            if (_index.Records.Count == 0 && input.Count >= 2)
            {
                result = await BatchLoadAsync(input, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Later loads go through real-time matching in batches (one transaction per batch, as SubmitBatchAsync):
                // each record is matched against the index with every earlier one applied, as one at a time would be.
                int created = 0, changed = 0, same = 0, linked = 0, reviews = 0, persons = 0;
                for (var start = 0; start < input.Count; start += LoadBatchSize)
                {
                    var batch = input.GetRange(start, Math.Min(LoadBatchSize, input.Count - start));
                    var existed = batch.ConvertAll(r => _index.Records.ContainsKey(r.Key));
                    var outcomes = await SubmitBatchLockedAsync(batch, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var outcome = outcomes[i];
                        created += existed[i] ? 0 : 1;
                        changed += existed[i] && outcome.Decision != MatchDecision.Unchanged ? 1 : 0;
                        same += outcome.Decision == MatchDecision.Unchanged ? 1 : 0;
                        linked += outcome.Decision == MatchDecision.LinkedAutomatically ? 1 : 0;
                        reviews += outcome.ReviewTaskId is null ? 0 : 1;
                        persons += outcome.Decision is MatchDecision.NewPerson || (outcome.Decision == MatchDecision.ReviewOpened && !existed[i]) ? 1 : 0;
                    }

                    progress?.Report(new BulkLoadProgress("matching", start + batch.Count, input.Count));
                }

                await TrainWhenReadyAsync(cancellationToken).ConfigureAwait(false);
                result = new BulkLoadResult("record-by-record", input.Count, created, changed, same, linked, reviews, persons, 0, 0, ModelVersion);
            }

            if (rebatch)
            {
                var (moved, kept) = await RebatchAsync(progress, cancellationToken).ConfigureAwait(false);
                result = result with { Rebatched = moved, PersonIdsKept = kept, ModelVersion = ModelVersion };
            }

            Log.BulkLoaded(_logger, result.Records, _index.Persons.Count, result.PersonIdsKept);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BulkLoadResult> BatchLoadAsync(List<IdentityRecord> input, IProgress<BulkLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var result = RunBatch(input, null, progress);
        await StoreModelAsync("batch", input.Count, result.Model, cancellationToken).ConfigureAwait(false);
        var clusterOf = result.Clustering.ClusterOf;
        var personOf = new string?[result.Clustering.ClusterCount];
        var actor = $"batch (model {ModelVersion})";
        int linked = 0, persons = 0;
        for (var start = 0; start < input.Count; start += BatchChunk)
        {
            var slice = input.GetRange(start, Math.Min(BatchChunk, input.Count - start));
            var features = _index.Describe(slice);
            var now = _time.GetUtcNow();
            var added = new List<IndexedRecord>();
            var newPersons = new List<string>();
            await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < slice.Count; i++)
                {
                    var record = slice[i];
                    var cluster = clusterOf[start + i];
                    var document = RecordDocument.ToJson(record);
                    var hash = RecordDocument.Hash(document);
                    await tx.AppendVersionAsync(record, 1, document, hash, now, cancellationToken, _index.Preserve(features[i])).ConfigureAwait(false);
                    StoredLink link;
                    if (personOf[cluster] is { } personId)
                    {
                        link = new StoredLink(personId, new LinkProvenance(LinkMethod.Batch, null, ModelVersion, actor, now), _nextOrder++);
                        await tx.AppendHistoryAsync(HistoryKind.Link, personId, null, record.Key, actor, null, now, cancellationToken).ConfigureAwait(false);
                        linked++;
                    }
                    else
                    {
                        personId = personOf[cluster] = PersonIds.New();
                        link = new StoredLink(personId, new LinkProvenance(LinkMethod.Founding, null, null, actor, now), _nextOrder++);
                        await tx.InsertPersonAsync(personId, now, cancellationToken).ConfigureAwait(false);
                        await tx.AppendHistoryAsync(HistoryKind.PersonCreated, personId, null, record.Key, actor, null, now, cancellationToken).ConfigureAwait(false);
                        newPersons.Add(personId);
                        persons++;
                    }

                    await tx.InsertRecordAsync(record.Key, 1, link, cancellationToken).ConfigureAwait(false);
                    await tx.AppendHistoryAsync(HistoryKind.RecordReceived, link.PersonId, null, record.Key, actor, null, now, cancellationToken).ConfigureAwait(false);
                    added.Add(new IndexedRecord(record, 1, hash, link, features[i]));
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            newPersons.ForEach(p => _index.AddPerson(p));
            added.ForEach(_index.Add);
            progress?.Report(new BulkLoadProgress("storing", start + slice.Count, input.Count));
        }

        return new BulkLoadResult("batch", input.Count, input.Count, 0, 0, linked, 0, persons, 0, 0, ModelVersion);
    }

    /// <summary>Re-runs the batch engine over every record and maps its clusters onto the existing person ids by overlap.</summary>
    private async Task<(int Moved, int Kept)> RebatchAsync(IProgress<BulkLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var all = _index.Records.Values.OrderBy(r => r.Link.Order).ToList();
        if (all.Count < 2)
        {
            return (0, 0);
        }

        var position = new Dictionary<SourceRecordKey, int>();
        for (var i = 0; i < all.Count; i++)
        {
            position[all[i].Key] = i;
        }

        var cannot = new List<(int A, int B)>();
        foreach (var (a, b) in _index.CannotLinkPairs())
        {
            if (position.TryGetValue(a, out var x) && position.TryGetValue(b, out var y) && x < y)
            {
                cannot.Add((x, y));
            }
        }

        var result = RunBatch([.. all.Select(r => r.Record)], cannot, progress);
        await StoreModelAsync("batch", all.Count, result.Model, cancellationToken).ConfigureAwait(false);
        var clusterOf = result.Clustering.ClusterOf;

        // Largest overlaps first: a cluster takes the id of the person it shares most records with, once.
        var overlaps = new Dictionary<(int Cluster, string Person), int>();
        for (var i = 0; i < all.Count; i++)
        {
            var key = (clusterOf[i], all[i].PersonId);
            overlaps[key] = overlaps.GetValueOrDefault(key) + 1;
        }

        var idOf = new Dictionary<int, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((cluster, person), _) in overlaps.OrderByDescending(o => o.Value).ThenBy(o => o.Key.Person, StringComparer.Ordinal))
        {
            if (!idOf.ContainsKey(cluster) && used.Add(person))
            {
                idOf[cluster] = person;
            }
        }

        var kept = idOf.Count;
        var now = _time.GetUtcNow();
        var actor = $"batch (model {ModelVersion})";
        var moves = new List<(IndexedRecord Record, StoredLink Link)>();
        var created = new List<string>();
        var emptied = new List<(PersonEntry Person, string Into)>();
        await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < all.Count; i++)
            {
                var record = all[i];
                if (!idOf.TryGetValue(clusterOf[i], out var target))
                {
                    target = idOf[clusterOf[i]] = PersonIds.New();
                    created.Add(target);
                    await tx.InsertPersonAsync(target, now, cancellationToken).ConfigureAwait(false);
                    await tx.AppendHistoryAsync(HistoryKind.PersonCreated, target, null, record.Key, actor, null, now, cancellationToken).ConfigureAwait(false);
                }

                // A steward's link stands: the batch model does not overrule a person.
                if (target == record.PersonId || record.Link.Link.Method == LinkMethod.Manual)
                {
                    continue;
                }

                var link = new StoredLink(target, new LinkProvenance(LinkMethod.Batch, null, ModelVersion, actor, now), record.Link.Order);
                await tx.PutRecordAsync(record.Key, record.Version, link, cancellationToken).ConfigureAwait(false);
                await tx.AppendHistoryAsync(HistoryKind.Link, target, record.PersonId, record.Key, actor, "re-run of the batch model", now, cancellationToken).ConfigureAwait(false);
                moves.Add((record, link));
            }

            // Persons the re-run emptied are merged into the person that took most of their records.
            var leaving = moves.GroupBy(m => m.Record.PersonId, StringComparer.Ordinal);
            foreach (var group in leaving)
            {
                var person = _index.Persons[group.Key];
                if (person.Records.Count == group.Count())
                {
                    var into = group.GroupBy(m => m.Link.PersonId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
                    await tx.SetMergedIntoAsync(person.Id, into, cancellationToken).ConfigureAwait(false);
                    await tx.AppendHistoryAsync(HistoryKind.Merge, into, person.Id, null, actor, "re-run of the batch model", now, cancellationToken,
                        detail: MergeDetail.ToJson(group.Select(m => new MergeDetail.Moved(m.Record.Key, m.Record.Link)))).ConfigureAwait(false);
                    emptied.Add((person, into));
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        created.ForEach(p => _index.AddPerson(p));
        foreach (var (record, link) in moves)
        {
            _index.Move(record, link);
        }

        foreach (var (person, into) in emptied)
        {
            person.MergedInto = into;
        }

        return (moves.Count, kept);
    }

    private LinkageResult RunBatch(IReadOnlyList<IdentityRecord> records, IReadOnlyCollection<(int A, int B)>? cannotLink, IProgress<BulkLoadProgress>? progress)
    {
        var table = RecordColumns.Table(_columns, records);
        var engineProgress = progress is null ? null : new EngineProgress(progress);
        return new LinkageEngine(Settings).Run(
            table,
            new LinkageOptions { Threshold = _options.UpperThreshold, CannotLink = cannotLink, TimeProvider = _time },
            engineProgress);
    }

    private sealed class EngineProgress(IProgress<BulkLoadProgress> inner) : IProgress<LinkageProgress>
    {
        public void Report(LinkageProgress value) => inner.Report(new BulkLoadProgress(value.Step, (long)(value.Fraction * 1000), 1000));
    }
}
