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

    private PointerOutcome? NotRegistered(Actor actor) =>
        _governance.Holds(actor, RoleCapabilities.None)
            ? null
            : PointerOutcome.Refused(PointerRefusal.NotRegistered, "actor: not a registered practitioner in that organisation and role");

    private PointerOutcome? Check(Actor actor, PointerDraft draft, out RecordType type)
    {
        type = null!;
        if (NotRegistered(actor) is { } refused)
        {
            return refused;
        }

        if (draft.CustodianId is { } custodian && !string.Equals(custodian, actor.OrganisationId, StringComparison.Ordinal))
        {
            return PointerOutcome.Refused(PointerRefusal.NotCustodian, "custodian: must be your own organisation");
        }

        var problems = new List<string>();
        var found = _types.Find(draft.Type);
        if (found is null)
        {
            problems.Add(draft.Type is null ? "type: required" : $"type: unknown record type '{draft.Type}'");
        }
        else if (draft.Category is { } category && !string.Equals(category, found.Category, StringComparison.Ordinal))
        {
            problems.Add($"category: a {found.Code} is filed under '{found.Category}', not '{category}'");
        }

        if (draft.Subjects.Count == 0)
        {
            problems.Add("subject: at least one identifier (system and value) is required");
        }

        for (var i = 0; i < draft.Subjects.Count; i++)
        {
            var s = draft.Subjects[i];
            if (string.IsNullOrWhiteSpace(s.System) || string.IsNullOrWhiteSpace(s.Value) || s.System.Contains('|', StringComparison.Ordinal))
            {
                problems.Add($"subject[{i}]: system and value are both required, and the system may not contain '|'");
            }
        }

        if (draft.MasterIdentifier is { } master && SubjectIdentifier.TryParse(master) is null)
        {
            problems.Add("masterIdentifier: expected system|value");
        }

        if (draft.PeriodStart is { } start && draft.PeriodEnd is { } end && end < start)
        {
            problems.Add("context.period: end before start");
        }

        if (draft.Status == PointerStatus.Superseded)
        {
            problems.Add("status: superseded is set by the exchange when another pointer replaces this one");
        }

        if (draft.Content.Count == 0)
        {
            problems.Add("content: at least one attachment (url and contentType) is required");
        }

        for (var i = 0; i < draft.Content.Count; i++)
        {
            var a = draft.Content[i];
            if (string.IsNullOrWhiteSpace(a.Url) || string.IsNullOrWhiteSpace(a.ContentType))
            {
                problems.Add($"content[{i}].attachment: url and contentType are required");
            }

            if (a.Hash is { } hash && !IsSha256(hash))
            {
                problems.Add($"content[{i}].attachment.hash: expected the base64 SHA-256 of the content (32 bytes)");
            }
        }

        if (problems.Count > 0)
        {
            return PointerOutcome.Invalid(problems);
        }

        var organisation = _governance.Organisations.FirstOrDefault(o => string.Equals(o.Id, actor.OrganisationId, StringComparison.Ordinal));
        if (organisation is null || !organisation.Active || !found!.MayBePublishedBy(organisation.Kind))
        {
            return PointerOutcome.Refused(PointerRefusal.TypeNotPublishable, $"type: your organisation may not publish pointers of type '{found!.Code}'");
        }

        type = found;
        return null;
    }

    private static bool IsSha256(string hash)
    {
        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64String(hash, buffer, out var written) && written == 32;
    }

    private static RecordPointer Build(PointerDraft draft, RecordType type, string custodianId, string id, int version, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        Id = id,
        MasterIdentifier = draft.MasterIdentifier,
        Type = type.Code,
        Category = type.Category,
        CustodianId = custodianId,
        Subjects = [.. draft.Subjects.Select(s => new SubjectIdentifier(s.System.Trim(), s.Value.Trim()))],
        Author = draft.Author,
        Description = draft.Description,
        PeriodStart = draft.PeriodStart,
        PeriodEnd = draft.PeriodEnd,
        Status = draft.Status,
        Replaces = draft.Replaces,
        Sensitivity = draft.Sensitivity | type.Sensitivity,
        Content = draft.Content,
        Version = version,
        Created = created,
        LastUpdated = updated,
    };

    /// <summary>
    /// <c>{scheme}-{code}-{uuid v7}</c>, e.g. <c>dfe-352-0193…</c>: the custodian is visible (as in NRL's
    /// <c>{ODS}-{localId}</c>); the random part makes ids unguessable.
    /// </summary>
    private static string NewId(string custodianId, DateTimeOffset now) =>
        custodianId.Replace(':', '-').ToLowerInvariant() + "-" + Guid.CreateVersion7(now).ToString("N");

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
