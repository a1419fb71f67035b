using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using GmConnect.Identity.Identifiers;
using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;
using GmConnect.Identity.Matching;
using GmConnect.Identity.Storage;
using GmConnect.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GmConnect.Identity.Manager;

/// <summary>
/// The Identity Manager over the exchange's store: every change is written to the store in one transaction
/// first, then applied to the in-memory index (records, persons, blocking keys) that real-time matching,
/// resolution and search read. One writer at a time per process (the gate); readers (resolution, search, record and
/// person reads) do not take the gate but a reader/writer lock on the index (<see cref="IndexLock"/>), which a writer
/// takes only to apply its change, so reads run in parallel with each other and with a writer's matching and store
/// I/O. The index is rebuilt from the store by <see cref="InitializeAsync"/> (the hosted start-up calls it; any first
/// call does too).
/// </summary>
public sealed partial class IdentityManager : IIdentityManager, IDisposable
{
    /// <summary>The actor recorded for automatic changes.</summary>
    public const string Matcher = "matcher";

    private readonly IdentityStore _store;
    private readonly IdentityManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IndexLock _indexLock = new();
    private readonly IReadOnlyList<string> _columns;
    private readonly string _settingsFingerprint;
    private PersonIndex _index;
    private ProbeScorer _scorer;
    private long _nextOrder = 1;
    private volatile bool _loaded;

    /// <summary>Creates the manager over a migrated store (see <see cref="Storage.IdentityMigrations"/>).</summary>
    public IdentityManager(Store store, IdentityManagerOptions options, TimeProvider time, ILogger<IdentityManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid IdentityManagerOptions: " + string.Join(" ", errors), nameof(options));
        }

        _store = new IdentityStore(store);
        _options = options;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Settings = options.SettingsPath is { } path ? LinkageSettings.Load(path) : ShippedSettings();
        _scorer = new ProbeScorer(Settings, DefaultModel.FromSettings(Settings));
        _columns = _scorer.Columns;
        _index = new PersonIndex(Settings, _columns);
        _settingsFingerprint = SettingsFingerprint.Of(Settings);
    }

    /// <summary>The linkage settings in use.</summary>
    public LinkageSettings Settings { get; }

    /// <summary>The model version recorded on automatic links: a stored model's number, or <c>settings</c>.</summary>
    public string ModelVersion { get; private set; } = "settings";

    /// <summary>Where the model came from: <c>batch</c>, <c>trained</c> (on the index's records) or <c>settings</c> (fixed/default m and u).</summary>
    public string ModelOrigin { get; private set; } = "settings";

    /// <summary>Records in the index.</summary>
    public int RecordCount => _index.Records.Count;

    /// <summary>Rebuilds the in-memory index from the store (and trains a model when there is none and enough records).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RebuildAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<MatchOutcome> SubmitAsync(IdentityRecord record, CancellationToken cancellationToken = default)
    {
        Check(record);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = await SubmitLockedAsync(record, cancellationToken).ConfigureAwait(false);
            await TrainWhenReadyAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<LinkedRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        using (await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return _index.Records.TryGetValue(key, out var record) ? record.ToLinked() : null;
        }
    }

    /// <inheritdoc />
    public async Task<PersonView?> GetPersonAsync(string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personId);
        using (await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return _index.Persons.TryGetValue(personId, out var person) ? View(person) : null;
        }
    }

    /// <inheritdoc />
    public async Task<PersonView?> ResolveAsync(string system, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(value);
        using (await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            PersonEntry? person = null;
            if (system == IdentifierSystems.Person)
            {
                person = _index.Survivor(value);
            }
            else if (system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal))
            {
                var key = new SourceRecordKey(system[IdentifierSystems.SourceRecord.Length..], value);
                person = _index.Records.TryGetValue(key, out var record) ? _index.Survivor(record.PersonId) : null;
            }
            else if (RecordColumns.KindOf(system) is { } kind)
            {
                var canonical = IdentifierCheck.Normalise(kind, value);
                if (IdentifierCheck.IsValid(kind, canonical))
                {
                    // Ambiguous (records of two persons carry it): nothing, rather than a guess.
                    var persons = _index.WithIdentifier(system, canonical!).Select(r => r.PersonId).Distinct(StringComparer.Ordinal).ToList();
                    person = persons.Count == 1 ? _index.Persons[persons[0]] : null;
                }
            }

            return person is null ? null : View(person);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MatchOutcome>> SubmitBatchAsync(IReadOnlyList<IdentityRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Check(record);
        }

        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcomes = await SubmitBatchLockedAsync(records, cancellationToken).ConfigureAwait(false);
            await TrainWhenReadyAsync(cancellationToken).ConfigureAwait(false);
            return outcomes;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The batch under the gate: matched in order, each against the index with the batch's earlier records applied,
    // stored in one transaction (all or none; a failure makes the next call rebuild the index from the store).
    private async Task<IReadOnlyList<MatchOutcome>> SubmitBatchLockedAsync(IReadOnlyList<IdentityRecord> records, CancellationToken cancellationToken)
    {
        var outcomes = new List<MatchOutcome>(records.Count);
        IdentityTransaction? tx = null;
        // Held from the batch's first change to the index until its commit: readers see all of the batch or none of it.
        IndexLock.Writing exclusive = default;
        var holding = false;
        try
        {
            foreach (var record in records)
            {
                var document = RecordDocument.ToJson(record);
                var hash = RecordDocument.Hash(document);
                _index.Records.TryGetValue(record.Key, out var existing);
                if (existing is not null && existing.ContentHash == hash)
                {
                    outcomes.Add(new MatchOutcome(record.Key, MatchDecision.Unchanged, existing.PersonId, null, null));
                    continue;
                }

                tx ??= await _store.BeginAsync(cancellationToken).ConfigureAwait(false);
                var (outcome, apply) = await StageAsync(tx, record, existing, document, hash, cancellationToken).ConfigureAwait(false);

                // Applied at once, before the commit: the next record of the batch is matched against this one.
                if (!holding)
                {
                    exclusive = await _indexLock.WriteAsync().ConfigureAwait(false);
                    holding = true;
                }

                apply();
                outcomes.Add(outcome);
                Log.Matched(_logger, record.Source, outcome.Decision.ToString());
            }

            if (tx is not null)
            {
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The index has taken changes that the store has rolled back: rebuild it from the store before the next call.
            _loaded = false;
            throw;
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync().ConfigureAwait(false);
            }

            exclusive.Dispose();
        }

        Log.BatchSubmitted(_logger, records.Count, outcomes.Count(o => o.Decision != MatchDecision.Unchanged));
        return outcomes;
    }

    private async Task<MatchOutcome> SubmitLockedAsync(IdentityRecord record, CancellationToken cancellationToken)
    {
        var document = RecordDocument.ToJson(record);
        var hash = RecordDocument.Hash(document);
        _index.Records.TryGetValue(record.Key, out var existing);
        if (existing is not null && existing.ContentHash == hash)
        {
            return new MatchOutcome(record.Key, MatchDecision.Unchanged, existing.PersonId, null, null);
        }

        MatchOutcome outcome;
        Action apply;
        await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            (outcome, apply) = await StageAsync(tx, record, existing, document, hash, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The index changes only after the store has committed, and readers wait only while it does.
        using (await _indexLock.WriteAsync().ConfigureAwait(false))
        {
            apply();
        }

        Log.Matched(_logger, record.Source, outcome.Decision.ToString());
        return outcome;
    }

    /// <summary>Matches a new or changed record and writes it in the transaction; returns the outcome and the change to the index, to apply once the caller decides.</summary>
    private async Task<(MatchOutcome Outcome, Action Apply)> StageAsync(IdentityTransaction tx, IdentityRecord record, IndexedRecord? existing, string document, string hash, CancellationToken cancellationToken)
    {
        var features = _index.Describe(record);
        var now = _time.GetUtcNow();
        return existing is null
            ? await AddNewAsync(tx, record, document, hash, features, now, cancellationToken).ConfigureAwait(false)
            : await UpdateAsync(tx, existing, record, document, hash, features, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(MatchOutcome, Action)> AddNewAsync(IdentityTransaction tx, IdentityRecord record, string document, string hash, RecordFeatures features, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (matches, scores, _) = Matching.Matcher.Evaluate(_index, _scorer, record, features, null, _options.MaxCandidates, _options.MaxRecordsPerPerson);
        var (linkTo, review) = Decide(matches);
        await tx.AppendVersionAsync(record, 1, document, hash, now, cancellationToken, _index.Preserve(features)).ConfigureAwait(false);
        var apply = new List<Action>();
        var placed = await PlaceAsync(tx, record.Key, 1, true, linkTo, review, scores, now, apply, cancellationToken).ConfigureAwait(false);
        await tx.AppendHistoryAsync(HistoryKind.RecordReceived, placed.PersonId, null, record.Key, MatcherActor, null, now, cancellationToken).ConfigureAwait(false);
        apply.Add(() => _index.Add(new IndexedRecord(record, 1, hash, placed.Link, features)));
        var outcome = new MatchOutcome(record.Key, placed.Decision, placed.PersonId, matches.Count > 0 ? matches[0].Probability : null, placed.ReviewId) { Created = true };
        return (outcome, () => apply.ForEach(a => a()));
    }

    private async Task<(MatchOutcome, Action)> UpdateAsync(IdentityTransaction tx, IndexedRecord existing, IdentityRecord record, string document, string hash, RecordFeatures features, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var version = existing.Version + 1;
        var own = _index.Persons[existing.PersonId];
        var mates = own.Records.Where(r => r != existing).ToList();
        var (matches, scores, _) = Matching.Matcher.Evaluate(_index, _scorer, record, features, mates.Count > 0 ? own : null, _options.MaxCandidates, _options.MaxRecordsPerPerson);
        var withOwn = matches.FirstOrDefault(m => m.Person == own);
        var others = matches.Where(m => m.Person != own).ToList();
        var best = matches.Count > 0 ? matches[0].Probability : (double?)null;

        await tx.AppendVersionAsync(record, version, document, hash, now, cancellationToken, _index.Preserve(features)).ConfigureAwait(false);
        var apply = new List<Action>();

        // Read through the transaction: a batch may have opened a task on this record earlier on.
        foreach (var taskId in await tx.OpenReviewIdsOfAsync(record.Key, cancellationToken).ConfigureAwait(false))
        {
            await tx.CloseReviewAsync(taskId, ReviewStatus.Withdrawn, null, MatcherActor, now, "record changed", cancellationToken).ConfigureAwait(false);
        }

        await tx.AppendHistoryAsync(HistoryKind.RecordUpdated, own.Id, null, record.Key, MatcherActor, null, now, cancellationToken).ConfigureAwait(false);
        MatchOutcome outcome;
        if (mates.Count > 0)
        {
            // Still one of its person? Same guards as a new link; a steward's link stands unless a guard breaks.
            var belongs = withOwn is not null && !withOwn.Blocked && !withOwn.Refused
                && (withOwn.Probability >= _options.LowerThreshold || existing.Link.Link.Method == LinkMethod.Manual);
            if (belongs)
            {
                await tx.PutRecordAsync(record.Key, version, existing.Link, cancellationToken).ConfigureAwait(false);
                outcome = new MatchOutcome(record.Key, MatchDecision.UpdatedInPlace, own.Id, best, null);
            }
            else
            {
                var (linkTo, review) = Decide(others);
                var placed = await PlaceAsync(tx, record.Key, version, false, linkTo, review, scores, now, apply, cancellationToken).ConfigureAwait(false);
                await tx.AppendHistoryAsync(HistoryKind.Unlink, own.Id, placed.PersonId, record.Key, MatcherActor, "the changed record no longer matches its person", now, cancellationToken).ConfigureAwait(false);
                apply.Add(() => _index.Move(existing, placed.Link));
                outcome = new MatchOutcome(record.Key, placed.Decision, placed.PersonId, best, placed.ReviewId);
            }
        }
        else
        {
            var (linkTo, review) = Decide(others);
            if (linkTo is not null)
            {
                // Alone in its person and now a confident match elsewhere: it moves, and its empty person is
                // merged into the new one so that its id still resolves.
                var placed = await PlaceAsync(tx, record.Key, version, false, linkTo, null, scores, now, apply, cancellationToken).ConfigureAwait(false);
                await tx.SetMergedIntoAsync(own.Id, placed.PersonId, cancellationToken).ConfigureAwait(false);
                await tx.AppendHistoryAsync(HistoryKind.Merge, placed.PersonId, own.Id, record.Key, MatcherActor, Probability(linkTo.Probability), now, cancellationToken,
                    detail: MergeDetail.ToJson([new MergeDetail.Moved(record.Key, existing.Link)])).ConfigureAwait(false);
                apply.Add(() =>
                {
                    _index.Move(existing, placed.Link);
                    own.MergedInto = placed.PersonId;
                });
                outcome = new MatchOutcome(record.Key, MatchDecision.LinkedAutomatically, placed.PersonId, best, null);
            }
            else
            {
                await tx.PutRecordAsync(record.Key, version, existing.Link, cancellationToken).ConfigureAwait(false);
                long? reviewId = null;
                if (review is not null)
                {
                    reviewId = await OpenReviewAsync(tx, record.Key, own.Id, review, scores!, now, cancellationToken).ConfigureAwait(false);
                }

                outcome = new MatchOutcome(record.Key, reviewId is null ? MatchDecision.UpdatedInPlace : MatchDecision.ReviewOpened, own.Id, best, reviewId);
            }
        }

        apply.Insert(0, () => _index.Replace(existing, record, version, hash, features));
        return (outcome, () => apply.ForEach(a => a()));
    }

    /// <summary>Above the upper threshold and clear of every guard: link; else, at or above the lower: review; else nothing.</summary>
    private (PersonMatch? LinkTo, PersonMatch? Review) Decide(IEnumerable<PersonMatch> matches)
    {
        var best = matches.Where(m => !m.Blocked && m.Person.MergedInto is null).FirstOrDefault();
        if (best is null || best.Probability < _options.LowerThreshold)
        {
            return (null, null);
        }

        return best.Probability >= _options.UpperThreshold && !best.Refused ? (best, null) : (null, best);
    }

    /// <summary>
    /// Links the record (at <paramref name="version"/>; <paramref name="isNew"/>: the store has no row for it yet) to the
    /// chosen person, or founds a person for it (opening a review when asked). Writes only.
    /// </summary>
    private async Task<Placement> PlaceAsync(
        IdentityTransaction tx,
        SourceRecordKey key,
        int version,
        bool isNew,
        PersonMatch? linkTo,
        PersonMatch? review,
        ProbeScores? scores,
        DateTimeOffset now,
        List<Action> apply,
        CancellationToken cancellationToken)
    {
        var order = _nextOrder++;
        if (linkTo is not null)
        {
            var link = new StoredLink(linkTo.Person.Id, new LinkProvenance(LinkMethod.Automatic, linkTo.Probability, ModelVersion, MatcherActor, now), order);
            await PutAsync(tx, key, version, isNew, link, cancellationToken).ConfigureAwait(false);
            await tx.AppendHistoryAsync(HistoryKind.Link, linkTo.Person.Id, null, key, MatcherActor, Probability(linkTo.Probability), now, cancellationToken).ConfigureAwait(false);
            return new Placement(MatchDecision.LinkedAutomatically, linkTo.Person.Id, link, null);
        }

        var personId = PersonIds.New();
        var founding = new StoredLink(personId, new LinkProvenance(LinkMethod.Founding, null, null, MatcherActor, now), order);
        await tx.InsertPersonAsync(personId, now, cancellationToken).ConfigureAwait(false);
        await PutAsync(tx, key, version, isNew, founding, cancellationToken).ConfigureAwait(false);
        await tx.AppendHistoryAsync(HistoryKind.PersonCreated, personId, null, key, MatcherActor, null, now, cancellationToken).ConfigureAwait(false);
        apply.Insert(0, () => _index.AddPerson(personId));
        long? reviewId = null;
        if (review is not null)
        {
            reviewId = await OpenReviewAsync(tx, key, personId, review, scores!, now, cancellationToken).ConfigureAwait(false);
        }

        return new Placement(reviewId is null ? MatchDecision.NewPerson : MatchDecision.ReviewOpened, personId, founding, reviewId);
    }

    private static Task PutAsync(IdentityTransaction tx, SourceRecordKey key, int version, bool isNew, StoredLink link, CancellationToken cancellationToken) =>
        isNew ? tx.InsertRecordAsync(key, version, link, cancellationToken) : tx.PutRecordAsync(key, version, link, cancellationToken);

    private async Task<long> OpenReviewAsync(IdentityTransaction tx, SourceRecordKey key, string personId, PersonMatch review, ProbeScores scores, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var explanation = scores.Explain(review.BestRow, $"{key.Source}/{key.RecordId}", $"{review.Best.Key.Source}/{review.Best.Key.RecordId}").ToJson();
        var id = await tx.InsertReviewAsync(key, review.Best.Key, review.Probability, explanation, now, cancellationToken).ConfigureAwait(false);
        await tx.AppendHistoryAsync(HistoryKind.ReviewOpened, personId, review.Person.Id, key, MatcherActor, $"task {id}, {Probability(review.Probability)}", now, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private string MatcherActor => $"{Matcher} (model {ModelVersion})";

    private static string Probability(double p) => "p=" + p.ToString("0.######", CultureInfo.InvariantCulture);

    private static PersonView View(PersonEntry person) =>
        person.MergedInto is not null
            ? new PersonView(person.Id, [], person.MergedInto)
            : new PersonView(person.Id, [.. person.Records.OrderBy(r => r.Link.Order).Select(r => r.ToLinked())]);

    /// <summary>Enters as a reader of the index, rebuilding it first (under the gate) when it is not loaded.</summary>
    private async ValueTask<IndexLock.Reading> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var reading = await _indexLock.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (_loaded)
            {
                return reading;
            }

            reading.Dispose();
            await EnterAsync(cancellationToken).ConfigureAwait(false);
            _gate.Release();
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_loaded)
        {
            try
            {
                await RebuildAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _gate.Release();
                throw;
            }
        }
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var built = await BuildIndexAsync(!IgnorePreparedForms, cancellationToken).ConfigureAwait(false);
        if (built is null)
        {
            // A sampled stored form differed from the record prepared now: the forms were made by other code or
            // settings. Prepare everything afresh rather than trust any of them.
            Log.PreparedFormsStale(_logger);
            built = await BuildIndexAsync(false, cancellationToken).ConfigureAwait(false);
        }

        var (index, lastOrder, restored, prepared, fresh) = built!.Value;
        foreach (var pair in await _store.CannotLinksAsync(cancellationToken).ConfigureAwait(false))
        {
            index.AddCannotLink(pair.A, pair.B, pair.Hard);
        }

        var latest = await _store.LatestModelAsync(cancellationToken).ConfigureAwait(false);
        using (await _indexLock.WriteAsync().ConfigureAwait(false))
        {
            _index = index;
            _nextOrder = lastOrder + 1;
            LastRebuild = (restored, prepared);
            UseStoredModel(latest);
            _loaded = true;
        }

        await TrainWhenReadyAsync(cancellationToken).ConfigureAwait(false);
        Log.Rebuilt(_logger, index.Records.Count, index.Persons.Count, ModelVersion, ModelOrigin, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        Log.RebuildPreparation(_logger, restored, prepared);
        if (fresh.Count > 0 && !IgnorePreparedForms)
        {
            // Versions stored before migration 0003, or under other settings or code: store their forms now, so that
            // the next start-up reads them.
            await StorePreparedFormsAsync(fresh, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StorePreparedFormsAsync(List<IndexedRecord> records, CancellationToken cancellationToken)
    {
        const int batch = 5_000;
        for (var start = 0; start < records.Count; start += batch)
        {
            await using var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false);
            foreach (var record in records.Skip(start).Take(batch))
            {
                await tx.SetPreparedFormAsync(record.Key, record.Version, _index.Preserve(record), cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.PreparedFormsStored(_logger, records.Count);
    }

    /// <summary>When set, the rebuild ignores stored prepared forms and prepares every record (benchmarks and tests compare the two).</summary>
    internal bool IgnorePreparedForms { get; set; }

    /// <summary>The in-memory index as sorted lines of text (tests compare indexes built different ways).</summary>
    internal List<string> IndexSnapshot() => _index.Snapshot();

    /// <summary>Records the last rebuild took from their stored prepared form, and records it prepared afresh.</summary>
    internal (int Restored, int Prepared) LastRebuild { get; private set; }

    /// <summary>
    /// Reads every record from the store into a new index, taking each record's stored prepared form when
    /// <paramref name="usePrepared"/> (and it was made with the same fingerprint), else preparing it. Null when a
    /// sampled stored form differs from the record prepared now.
    /// </summary>
    private async Task<(PersonIndex Index, long LastOrder, int Restored, int Prepared, List<IndexedRecord> Fresh)?> BuildIndexAsync(bool usePrepared, CancellationToken cancellationToken)
    {
        // One in this many restored records is prepared again and compared.
        const int spotCheckEvery = 500;
        var index = new PersonIndex(Settings, _columns);
        index.EnsureCapacity((int)await _store.CountRecordsAsync(cancellationToken).ConfigureAwait(false));
        foreach (var person in await _store.PersonsAsync(cancellationToken).ConfigureAwait(false))
        {
            index.AddPerson(person.PersonId).MergedInto = person.MergedInto;
        }

        // Reading (one database reader, parsing the documents) overlaps restoring or preparing and indexing the chunk before it.
        const int chunk = 20_000;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<List<StoredIndexRow>>(2);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    var current = new List<StoredIndexRow>(chunk);
                    // Persons are all in the index before reading starts and are only read from here on.
                    var personIds = (string id) => index.Persons.TryGetValue(id, out var person) ? person.Id : id;
                    await foreach (var record in _store.ReadAllRecordsAsync(personIds, index.Documents, stop.Token).ConfigureAwait(false))
                    {
                        current.Add(record);
                        if (current.Count == chunk)
                        {
                            await chunks.Writer.WriteAsync(current, stop.Token).ConfigureAwait(false);
                            current = new List<StoredIndexRow>(chunk);
                        }
                    }

                    if (current.Count > 0)
                    {
                        await chunks.Writer.WriteAsync(current, stop.Token).ConfigureAwait(false);
                    }

                    chunks.Writer.Complete();
                }
                catch (Exception e)
                {
                    chunks.Writer.Complete(e);
                }
            },
            cancellationToken);

        long lastOrder = 0;
        int restored = 0, prepared = 0;
        var freshRecords = new List<IndexedRecord>();
        await foreach (var slice in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            // The slice's records take the next slots in order: their features are written straight into the index's rows there.
            var first = index.SlotCount;
            index.ReserveRows(first + slice.Count);
            var done = new bool[slice.Count];
            var parsed = new IdentityRecord?[slice.Count];
            var fresh = new List<int>();
            var check = new List<int>();
            if (usePrepared)
            {
                // Restoring is per record (the interning of values is thread-safe): on every core, while the reader reads on.
                Parallel.For(0, slice.Count, i =>
                {
                    done[i] = slice[i].Prepared is { } form && index.Restore(first + i, slice[i].Key, slice[i].Document.Span, form);
                });
            }

            for (var i = 0; i < slice.Count; i++)
            {
                if (done[i])
                {
                    if (restored++ % spotCheckEvery == 0)
                    {
                        check.Add(i);
                    }
                }
                else
                {
                    fresh.Add(i);
                }
            }

            if (fresh.Count > 0)
            {
                foreach (var i in fresh)
                {
                    parsed[i] = slice[i].Record;
                }

                var made = index.Describe([.. fresh.Select(i => parsed[i]!)]);
                for (var j = 0; j < fresh.Count; j++)
                {
                    index.SetFeatures(first + fresh[j], made[j]);
                }

                prepared += fresh.Count;
            }

            if (check.Count > 0)
            {
                var again = index.Describe([.. check.Select(i => slice[i].Record)]);
                for (var j = 0; j < check.Count; j++)
                {
                    var stored = index.FeaturesAt(first + check[j], slice[check[j]].Key);
                    if (!stored.Keys.AsSpan().SequenceEqual(again[j].Keys) || !stored.Values.AsSpan().SequenceEqual(again[j].Values))
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                        await reading.ConfigureAwait(false);
                        return null;
                    }
                }
            }

            var records = new IndexedRecord[slice.Count];
            for (var i = 0; i < slice.Count; i++)
            {
                var row = slice[i];
                records[i] = index.Restored(row.Key, row.Document, row.Version, row.Link, first + i);
                lastOrder = Math.Max(lastOrder, row.Link.Order);
            }

            index.AddRange(records);
            freshRecords.AddRange(fresh.Select(i => records[i]));
        }

        await reading.ConfigureAwait(false);
        return (index, lastOrder, restored, prepared, freshRecords);
    }

    /// <summary>
    /// Matches with the newest stored model if it was trained under the settings in use. A model from other settings
    /// (its fingerprint differs; or, stored before fingerprints, its comparisons, levels or labels do) would fail or
    /// mislead every score: the settings' model stands in and <see cref="TrainWhenReadyAsync"/> retrains on the stored
    /// records — or, with <see cref="IdentityManagerOptions.RetrainOnSettingsChange"/> off, start-up refuses.
    /// </summary>
    private void UseStoredModel(StoredModel? model)
    {
        if (model is null)
        {
            return;
        }

        var fits = model.SettingsFingerprint is { } fingerprint
            ? fingerprint == _settingsFingerprint
            : SettingsFingerprint.Fits(ModelParameters.FromJson(model.ModelJson), Settings);
        if (fits)
        {
            UseModel(model);
            return;
        }

        Log.ModelFromOtherSettings(_logger, model.Version, model.Origin, _options.RetrainOnSettingsChange);
        if (!_options.RetrainOnSettingsChange)
        {
            _loaded = false;
            throw new IdentityException(
                IdentityError.Conflict,
                $"The stored identity model {model.Version} ({model.Origin}) was trained under other linkage settings than the ones in use "
                + $"({_options.SettingsPath ?? "the shipped uk-person.json"}). Start with {nameof(IdentityManagerOptions.RetrainOnSettingsChange)} = true "
                + "(the default: retrain on the stored records at start-up), re-run the batch model over every record with "
                + "`gmc identity load FILE --rebatch --store …`, or go back to the settings the model was trained under.");
        }

        _scorer = new ProbeScorer(Settings, DefaultModel.FromSettings(Settings));
        ModelVersion = "settings";
        ModelOrigin = "settings";
    }

    private void UseModel(StoredModel model)
    {
        _scorer = new ProbeScorer(Settings, ModelParameters.FromJson(model.ModelJson));
        ModelVersion = model.Version.ToString(CultureInfo.InvariantCulture);
        ModelOrigin = model.Origin;
    }

    /// <summary>With only the settings' model and enough records, trains on the records and stores the model.</summary>
    private async Task TrainWhenReadyAsync(CancellationToken cancellationToken)
    {
        if (ModelOrigin != "settings" || _index.Records.Count < _options.MinRecordsToTrain)
        {
            return;
        }

        var table = RecordColumns.Table(_columns, _index.Records.Values.Select(r => r.Record));
        var model = DefaultModel.Train(Settings, table);
        await StoreModelAsync("trained", table.Count, model, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a model trained elsewhere and matches with it from now on (benchmarks compare real-time matching with a batch run this way).</summary>
    internal async Task AdoptModelAsync(ModelParameters model, string origin, long records, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StoreModelAsync(origin, records, model, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StoreModelAsync(string origin, long records, ModelParameters model, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var json = model.ToJson();
        int version;
        await using (var tx = await _store.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            version = await tx.SaveModelAsync(origin, records, json, now, cancellationToken, _settingsFingerprint).ConfigureAwait(false);
            await tx.AppendHistoryAsync(HistoryKind.ModelChanged, "", null, null, origin, $"model {version} from {records} records", now, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        using (await _indexLock.WriteAsync().ConfigureAwait(false))
        {
            UseModel(new StoredModel(version, origin, records, json, now, _settingsFingerprint));
        }

        Log.ModelStored(_logger, ModelVersion, origin, records);
    }

    private static void Check(IdentityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Source) || string.IsNullOrWhiteSpace(record.RecordId))
        {
            throw new IdentityException(IdentityError.Invalid, "A record needs a source and a record id.");
        }

        if (record.Sex is not (null or "M" or "F" or "U"))
        {
            throw new IdentityException(IdentityError.Invalid, "Sex must be M, F, U or absent.");
        }
    }

    private static LinkageSettings ShippedSettings()
    {
        using var stream = typeof(IdentityManager).Assembly.GetManifestResourceStream("GmConnect.Identity.uk-person.json")
            ?? throw new InvalidOperationException("The shipped linkage settings are not embedded.");
        using var reader = new StreamReader(stream);
        return LinkageSettings.Parse(reader.ReadToEnd());
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private sealed record Placement(MatchDecision Decision, string PersonId, StoredLink Link, long? ReviewId);
}
