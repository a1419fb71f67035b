using System.Data.Common;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Locator.RecordTypes;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// The producer path for bulk loads (<c>gmc import</c>, not the single-pointer API): upserts a chunk of pointers for
/// one organisation with the same checks and outcomes as <see cref="PointerPublisher.UpsertAsync"/> one by one, but
/// decides what depends only on the actor and the type once per chunk, resolves each subject once, writes the
/// chunk's pointers, subjects and notification events in one transaction (binary <c>COPY</c> on PostgreSQL), and
/// appends one audit entry naming every pointer written and one counting the refusals (docs/adr/0009).
/// </summary>
/// <remarks>
/// What the single path would do differently is kept single: a draft that supersedes another (<c>relatesTo</c>)
/// goes through <see cref="PointerPublisher.UpsertAsync"/>, and a master identifier repeated within the chunk ends
/// the segment before it, so the repeat is an update of the first exactly as it is one by one. If another writer
/// takes a master identifier between the chunk's lookup and its write, the chunk's transaction fails on the unique
/// key and the chunk is redone one by one, where that is a conflict of its own draft.
/// </remarks>
public sealed class BulkPointerPublisher
{
    private const string MasterRequired = "masterIdentifier: required for an upsert, as system|value";

    private readonly PointerStore _store;
    private readonly RecordTypeRegistry _types;
    private readonly PointerRules _rules;
    private readonly PointerPublisher _single;
    private readonly AuditTrail _audit;
    private readonly PersonResolver _resolver;
    private readonly TimeProvider _time;
    private readonly ILogger<BulkPointerPublisher> _logger;
    private readonly IReadOnlyList<IPointerObserver> _observers;

    internal BulkPointerPublisher(
        PointerStore store,
        RecordTypeRegistry types,
        GovernanceAdministration governance,
        PointerPublisher single,
        AuditTrail audit,
        PersonResolver resolver,
        TimeProvider time,
        ILogger<BulkPointerPublisher> logger,
        IEnumerable<IPointerObserver>? observers = null)
    {
        _store = store;
        _types = types;
        _rules = new PointerRules(types, governance);
        _single = single;
        _audit = audit;
        _resolver = resolver;
        _time = time;
        _logger = logger;
        _observers = [.. observers ?? []];
    }

    /// <summary>
    /// Upserts <paramref name="drafts"/> as <paramref name="actor"/>, keyed by master identifier as
    /// <see cref="PointerPublisher.UpsertAsync"/>. Returns one outcome per draft, in order.
    /// </summary>
    public async Task<IReadOnlyList<PointerOutcome>> UpsertManyAsync(Actor actor, IReadOnlyList<PointerDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(drafts);
        var outcomes = new PointerOutcome[drafts.Count];
        var start = 0;
        while (start < drafts.Count)
        {
            ArgumentNullException.ThrowIfNull(drafts[start], nameof(drafts));
            if (drafts[start].Replaces is not null)
            {
                outcomes[start] = await _single.UpsertAsync(actor, drafts[start], cancellationToken).ConfigureAwait(false);
                start++;
                continue;
            }

            var masters = new HashSet<string>(StringComparer.Ordinal);
            var end = start;
            while (end < drafts.Count && drafts[end] is { Replaces: null } draft && (draft.MasterIdentifier is not { } master || masters.Add(master)))
            {
                end++;
            }

            await UpsertSegmentAsync(actor, drafts, start, end, outcomes, cancellationToken).ConfigureAwait(false);
            start = end;
        }

        return outcomes;
    }

    /// <summary>Drafts [start, end): no supersedes, no master identifier twice.</summary>
    private async Task UpsertSegmentAsync(Actor actor, IReadOnlyList<PointerDraft> drafts, int start, int end, PointerOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var keyed = new List<int>(end - start);
        for (var i = start; i < end; i++)
        {
            if (string.IsNullOrWhiteSpace(drafts[i].MasterIdentifier) || SubjectIdentifier.TryParse(drafts[i].MasterIdentifier) is null)
            {
                outcomes[i] = PointerOutcome.Invalid([MasterRequired]);
            }
            else
            {
                keyed.Add(i);
            }
        }

        var existing = await _store.FindByMastersAsync(actor.OrganisationId, [.. keyed.Select(i => drafts[i].MasterIdentifier!)], cancellationToken).ConfigureAwait(false);
        var chunk = new ChunkDecisions();
        var now = _time.GetUtcNow();
        var creates = new List<(int Index, RecordPointer Pointer)>();
        var updates = new List<(int Index, RecordPointer Pointer, int Expected)>();
        foreach (var i in keyed)
        {
            var draft = drafts[i];
            if (_rules.Check(actor, draft, chunk, out var type) is { } refused)
            {
                outcomes[i] = refused;
            }
            else if (existing.TryGetValue(draft.MasterIdentifier!, out var before))
            {
                // As PointerPublisher.UpdateCoreAsync without If-Match; the draft names no pointer it replaces.
                if (before.Status == PointerStatus.Superseded)
                {
                    outcomes[i] = PointerOutcome.Refused(PointerRefusal.Conflict, "status: a superseded pointer cannot be changed");
                    continue;
                }

                var updated = PointerRules.Build(draft, type, before.CustodianId, before.Id, before.Version + 1, before.Created, now) with
                {
                    Replaces = before.Replaces,
                    MasterIdentifier = draft.MasterIdentifier ?? before.MasterIdentifier,
                };
                updates.Add((i, updated, before.Version));
            }
            else
            {
                creates.Add((i, PointerRules.Build(draft, type, actor.OrganisationId, PointerRules.NewId(actor.OrganisationId, now), 1, now, now)));
            }
        }

        // Each subject once per chunk: the persons for the outbox events and the audit entry.
        var resolved = new Dictionary<string, ResolvedPerson>(StringComparer.Ordinal);
        var persons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pointer in creates.Select(c => c.Pointer).Concat(updates.Select(u => u.Pointer)))
        {
            persons[pointer.Id] = (await ResolveAnyAsync(pointer.Subjects, resolved, cancellationToken).ConfigureAwait(false)).PersonId;
        }

        Func<DbTransaction, Task>? observe = null;
        if (_observers.Count > 0 && creates.Count > 0)
        {
            var told = creates.Select(c => (c.Pointer, persons[c.Pointer.Id])).ToList();
            observe = async transaction =>
            {
                foreach (var observer in _observers)
                {
                    await observer.PointersCreatedAsync(told, transaction, cancellationToken).ConfigureAwait(false);
                }
            };
        }

        HashSet<string> stale;
        try
        {
            stale = await _store.WriteChunkAsync([.. creates.Select(c => c.Pointer)], [.. updates.Select(u => (u.Pointer, u.Expected))], observe, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DbException) when (creates.Count > 0)
        {
            // A master identifier was taken meanwhile (or the chunk failed otherwise): nothing of it was written.
            // One by one, each draft gets the outcome it would have had alone, and the real error, if any, surfaces.
            Log.BulkChunkRedone(_logger, actor.OrganisationId, end - start);
            for (var i = start; i < end; i++)
            {
                outcomes[i] = await _single.UpsertAsync(actor, drafts[i], cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        foreach (var (i, pointer) in creates)
        {
            outcomes[i] = PointerOutcome.Ok(pointer, created: true);
        }

        foreach (var (i, pointer, _) in updates)
        {
            outcomes[i] = stale.Contains(pointer.Id)
                ? PointerOutcome.Refused(PointerRefusal.Conflict, "version: the pointer changed meanwhile; read it again")
                : PointerOutcome.Ok(pointer);
        }

        await AuditAsync(actor, outcomes.AsMemory(start, end - start), persons, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResolvedPerson> ResolveAnyAsync(IReadOnlyList<SubjectIdentifier> subjects, Dictionary<string, ResolvedPerson> resolved, CancellationToken cancellationToken)
    {
        // The key of the whole subject list: ResolveAnyAsync's answer depends on all of them, in order.
        var key = string.Join('\n', subjects.Select(s => s.Key));
        if (!resolved.TryGetValue(key, out var person))
        {
            person = await _resolver.ResolveAnyAsync(subjects, cancellationToken).ConfigureAwait(false);
            resolved[key] = person;
        }

        return person;
    }

    /// <summary>
    /// One hash-chained entry for what the segment wrote (every pointer with its person, so subject access reports
    /// find it as they find a single upsert) and one for what it refused (counts by refusal; a refused upsert names
    /// no pointer one by one either).
    /// </summary>
    private async Task AuditAsync(Actor actor, ReadOnlyMemory<PointerOutcome> outcomes, Dictionary<string, string> persons, CancellationToken cancellationToken)
    {
        var written = new List<AuditedResource>();
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var created = 0;
        foreach (var outcome in outcomes.Span)
        {
            if (outcome.RecordPointer is { } pointer && outcome.Succeeded)
            {
                var personId = persons[pointer.Id];
                personIds.Add(personId);
                written.Add(new AuditedResource(pointer.Id, personId, actor.OrganisationId, _types.Find(pointer.Type)?.SharingCategory ?? pointer.Type, "success", []));
                created += outcome.Created ? 1 : 0;
            }
            else
            {
                var reason = outcome.Refusal.ToString();
                refusals[reason] = refusals.GetValueOrDefault(reason) + 1;
            }
        }

        if (written.Count > 0)
        {
            await _audit.AppendAsync(
                new AuditRecord(AuditEventType.RegistryChanged, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                    [.. personIds], written, Detail: $"locator:pointer-upsert-bulk;count={written.Count};created={created};updated={written.Count - created}"),
                cancellationToken).ConfigureAwait(false);
        }

        if (refusals.Count > 0)
        {
            var count = refusals.Values.Sum();
            await _audit.AppendAsync(
                new AuditRecord(AuditEventType.RegistryChanged, "failure", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                    [], [], Detail: $"locator:pointer-upsert-bulk;refused={count};" + string.Join(';', refusals.Select(r => r.Key + "=" + r.Value))),
                cancellationToken).ConfigureAwait(false);
            foreach (var (reason, n) in refusals)
            {
                Log.BulkRefused(_logger, actor.OrganisationId, n, reason);
            }
        }

        Log.BulkUpserted(_logger, actor.OrganisationId, written.Count, created, refusals.Values.Sum());
    }
}
