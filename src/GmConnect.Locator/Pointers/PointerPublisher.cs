using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Registries;
using GmConnect.Locator.RecordTypes;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// The producer side of the Locator: create, upsert, update, supersede, mark entered-in-error and delete pointers.
/// An organisation changes its own pointers only (custodian = the caller's organisation) and publishes only the
/// record types its kind of organisation may publish. Another organisation's pointer is answered as not found,
/// so that guessing ids reveals nothing. Every operation, refused or not, is audited.
/// </summary>
public sealed class PointerPublisher
{
    private readonly PointerStore _store;
    private readonly RecordTypeRegistry _types;
    private readonly GovernanceAdministration _governance;
    private readonly AuditTrail _audit;
    private readonly PersonResolver _resolver;
    private readonly TimeProvider _time;
    private readonly ILogger<PointerPublisher> _logger;
    private readonly IReadOnlyList<IPointerObserver> _observers;
    private readonly PointerRules _rules;

    internal PointerPublisher(
        PointerStore store,
        RecordTypeRegistry types,
        GovernanceAdministration governance,
        AuditTrail audit,
        PersonResolver resolver,
        TimeProvider time,
        ILogger<PointerPublisher> logger,
        IEnumerable<IPointerObserver>? observers = null)
    {
        _observers = [.. observers ?? []];
        _store = store;
        _types = types;
        _governance = governance;
        _audit = audit;
        _resolver = resolver;
        _time = time;
        _logger = logger;
        _rules = new PointerRules(types, governance);
    }

    /// <summary>Creates a pointer. With <see cref="PointerDraft.Replaces"/> it supersedes that pointer in the same step.</summary>
    public async Task<PointerOutcome> CreateAsync(Actor actor, PointerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var outcome = await CreateCoreAsync(actor, draft, cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(actor, "create", outcome, outcome.RecordPointer?.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the pointer, or updates the caller's pointer with the same master identifier (NRL upsert).</summary>
    public async Task<PointerOutcome> UpsertAsync(Actor actor, PointerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        PointerOutcome outcome;
        if (string.IsNullOrWhiteSpace(draft.MasterIdentifier) || SubjectIdentifier.TryParse(draft.MasterIdentifier) is null)
        {
            outcome = PointerOutcome.Invalid(["masterIdentifier: required for an upsert, as system|value"]);
        }
        else if (await _store.FindByMasterAsync(actor.OrganisationId, draft.MasterIdentifier, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            outcome = await UpdateCoreAsync(actor, existing, draft, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            outcome = await CreateCoreAsync(actor, draft, cancellationToken).ConfigureAwait(false);
        }

        return await AuditedAsync(actor, "upsert", outcome, outcome.RecordPointer?.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the content of one of the caller's pointers; <paramref name="expectedVersion"/> (If-Match) guards against lost updates.</summary>
    public async Task<PointerOutcome> UpdateAsync(Actor actor, string id, PointerDraft draft, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var outcome = await OwnAsync(actor, id, cancellationToken).ConfigureAwait(false) is { } existing
            ? await UpdateCoreAsync(actor, existing, draft, expectedVersion, cancellationToken).ConfigureAwait(false)
            : await NotOwnedAsync(actor, cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(actor, "update", outcome, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks one of the caller's pointers entered-in-error: it stays on record, and consumer searches no longer list it.</summary>
    public async Task<PointerOutcome> MarkEnteredInErrorAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PointerOutcome outcome;
        if (await OwnAsync(actor, id, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            outcome = await NotOwnedAsync(actor, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var changed = existing with { Status = PointerStatus.EnteredInError, Version = existing.Version + 1, LastUpdated = _time.GetUtcNow() };
            outcome = await _store.UpdateAsync(changed, existing.Version, cancellationToken).ConfigureAwait(false)
                ? PointerOutcome.Ok(changed)
                : PointerOutcome.Refused(PointerRefusal.Conflict, "version: the pointer changed meanwhile; read it again");
        }

        return await AuditedAsync(actor, "entered-in-error", outcome, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one of the caller's pointers.</summary>
    public async Task<PointerOutcome> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PointerOutcome outcome;
        if (NotRegistered(actor) is { } refused)
        {
            outcome = refused;
        }
        else
        {
            outcome = await _store.DeleteAsync(id, actor.OrganisationId, cancellationToken).ConfigureAwait(false)
                ? PointerOutcome.Ok(null)
                : PointerOutcome.Refused(PointerRefusal.NotFound, "id: no such pointer of your organisation");
        }

        return await AuditedAsync(actor, "delete", outcome, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PointerOutcome> CreateCoreAsync(Actor actor, PointerDraft draft, CancellationToken cancellationToken)
    {
        if (Check(actor, draft, out var type) is { } refused)
        {
            return refused;
        }

        RecordPointer? superseded = null;
        if (draft.Replaces is { } replaces)
        {
            var target = await OwnAsync(actor, replaces, cancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                return PointerOutcome.Refused(PointerRefusal.Invalid, "relatesTo: the replaced pointer is not one of your organisation's");
            }

            if (target.Status != PointerStatus.Current)
            {
                return PointerOutcome.Refused(PointerRefusal.Conflict, "relatesTo: the replaced pointer is no longer current");
            }

            if (!string.Equals(target.Type, type.Code, StringComparison.Ordinal))
            {
                return PointerOutcome.Refused(PointerRefusal.Invalid, "relatesTo: the replaced pointer is of another type");
            }

            if (!target.Subjects.Select(s => s.Key).Intersect(draft.Subjects.Select(s => s.Key), StringComparer.Ordinal).Any())
            {
                return PointerOutcome.Refused(PointerRefusal.Invalid, "relatesTo: the replaced pointer shares no subject identifier with this one");
            }

            superseded = target with { Status = PointerStatus.Superseded, Version = target.Version + 1, LastUpdated = _time.GetUtcNow() };
        }

        var now = _time.GetUtcNow();
        var pointer = Build(draft, type, actor.OrganisationId, NewId(actor.OrganisationId, now), 1, now, now);
        Func<System.Data.Common.DbTransaction, Task>? observe = null;
        if (_observers.Count > 0)
        {
            var person = await _resolver.ResolveAnyAsync(pointer.Subjects, cancellationToken).ConfigureAwait(false);
            observe = async transaction =>
            {
                foreach (var observer in _observers)
                {
                    await observer.PointerCreatedAsync(pointer, person.PersonId, transaction, cancellationToken).ConfigureAwait(false);
                }
            };
        }

        if (!await _store.InsertAsync(pointer, superseded, cancellationToken, observe).ConfigureAwait(false))
        {
            return PointerOutcome.Refused(PointerRefusal.Conflict, superseded is null
                ? "masterIdentifier: your organisation already has a pointer with this master identifier (use upsert)"
                : "relatesTo: the replaced pointer changed meanwhile, or the master identifier is already in use");
        }

        Log.PointerCreated(_logger, pointer.Id, pointer.CustodianId, pointer.Type, superseded?.Id);
        return PointerOutcome.Ok(pointer, created: true);
    }

    private async Task<PointerOutcome> UpdateCoreAsync(Actor actor, RecordPointer existing, PointerDraft draft, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (Check(actor, draft, out var type) is { } refused)
        {
            return refused;
        }

        if (draft.Replaces is not null && !string.Equals(draft.Replaces, existing.Replaces, StringComparison.Ordinal))
        {
            return PointerOutcome.Invalid(["relatesTo: supersede by creating a new pointer that replaces this one, not by updating it"]);
        }

        if (expectedVersion is { } expected && expected != existing.Version)
        {
            return PointerOutcome.Refused(PointerRefusal.Conflict, $"version: expected {expected}, the pointer is at {existing.Version}");
        }

        if (existing.Status == PointerStatus.Superseded)
        {
            return PointerOutcome.Refused(PointerRefusal.Conflict, "status: a superseded pointer cannot be changed");
        }

        var updated = Build(draft, type, existing.CustodianId, existing.Id, existing.Version + 1, existing.Created, _time.GetUtcNow()) with
        {
            Replaces = existing.Replaces,
            MasterIdentifier = draft.MasterIdentifier ?? existing.MasterIdentifier,
        };
        return await _store.UpdateAsync(updated, existing.Version, cancellationToken).ConfigureAwait(false)
            ? PointerOutcome.Ok(updated)
            : PointerOutcome.Refused(PointerRefusal.Conflict, "version: the pointer changed meanwhile; read it again");
    }

    /// <summary>The caller's own pointer with this id, or null for no pointer and for another organisation's alike.</summary>
    private async Task<RecordPointer?> OwnAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        if (NotRegistered(actor) is not null || string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var pointer = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return pointer is not null && string.Equals(pointer.CustodianId, actor.OrganisationId, StringComparison.Ordinal) ? pointer : null;
    }

    private Task<PointerOutcome> NotOwnedAsync(Actor actor, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotRegistered(actor) ?? PointerOutcome.Refused(PointerRefusal.NotFound, "id: no such pointer of your organisation"));
    }

    private PointerOutcome? NotRegistered(Actor actor) => _rules.NotRegistered(actor, null);

    private PointerOutcome? Check(Actor actor, PointerDraft draft, out RecordType type) => _rules.Check(actor, draft, null, out type);

    private static RecordPointer Build(PointerDraft draft, RecordType type, string custodianId, string id, int version, DateTimeOffset created, DateTimeOffset updated) =>
        PointerRules.Build(draft, type, custodianId, id, version, created, updated);

    private static string NewId(string custodianId, DateTimeOffset now) => PointerRules.NewId(custodianId, now);

    private async Task<PointerOutcome> AuditedAsync(Actor actor, string operation, PointerOutcome outcome, string? id, CancellationToken cancellationToken)
    {
        var personId = outcome.RecordPointer is { } pointer ? (await _resolver.ResolveAnyAsync(pointer.Subjects, cancellationToken).ConfigureAwait(false)).PersonId : null;
        var category = outcome.RecordPointer is { } p ? _types.Find(p.Type)?.SharingCategory ?? p.Type : "pointer";
        await _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.RegistryChanged,
                outcome.Succeeded ? "success" : "failure",
                actor.PractitionerId,
                actor.OrganisationId,
                actor.Role,
                null,
                actor.RequestId,
                personId is null ? [] : [personId],
                id is null ? [] : [new AuditedResource(id, personId ?? "", actor.OrganisationId, category, outcome.Succeeded ? "success" : "failure",
                    outcome.Succeeded ? [] : [outcome.Refusal.ToString()])],
                Detail: "locator:pointer-" + operation),
            cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            Log.PointerRefused(_logger, operation, actor.OrganisationId, outcome.Refusal.ToString());
        }

        return outcome;
    }
}
