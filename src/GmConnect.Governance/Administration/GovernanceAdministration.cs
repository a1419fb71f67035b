using GmConnect.Governance.Agreements;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using GmConnect.Governance.Storage;

namespace GmConnect.Governance.Administration;

/// <summary>
/// Changes to what decisions rest on: registries, agreements, objections and consents, labels on persons and
/// involvements. Each change is checked, stored, applied to the live policy and audited.
/// </summary>
public sealed class GovernanceAdministration
{
    private readonly PolicyState _policy;
    private readonly IRegistryStore _registry;
    private readonly IAgreementStore _agreements;
    private readonly IDirectiveStore _directives;
    private readonly ISubjectStore _subjects;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    internal GovernanceAdministration(
        PolicyState policy,
        IRegistryStore registry,
        IAgreementStore agreements,
        IDirectiveStore directives,
        ISubjectStore subjects,
        AuditTrail audit,
        TimeProvider time)
    {
        _policy = policy;
        _registry = registry;
        _agreements = agreements;
        _directives = directives;
        _subjects = subjects;
        _audit = audit;
        _time = time;
    }

    /// <summary>The organisations in the registry.</summary>
    public IReadOnlyList<Organisation> Organisations => [.. _policy.Current.Organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal)];

    /// <summary>The roles in the registry.</summary>
    public IReadOnlyList<RoleDefinition> Roles => [.. _policy.Current.Roles.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];

    /// <summary>The practitioners in the registry.</summary>
    public IReadOnlyList<Practitioner> Practitioners => [.. _policy.Current.Practitioners.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>The sharing agreements, in force or not.</summary>
    public IReadOnlyList<SharingAgreement> Agreements => [.. _policy.Current.Agreements.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>Creates or replaces an organisation. Needs the administration capability.</summary>
    public async Task<ChangeResult> SaveOrganisationAsync(Actor actor, Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (Forbidden(actor, RoleCapabilities.Administration) is { } forbidden)
        {
            return forbidden;
        }

        var problems = new List<string>();
        if (!OrganisationIds.IsWellFormed(organisation.Id))
        {
            problems.Add("id: expected scheme:value with scheme dfe, ods, urn, police or gmc");
        }

        if (string.IsNullOrWhiteSpace(organisation.Name))
        {
            problems.Add("name: required");
        }

        if (string.IsNullOrWhiteSpace(organisation.IgContact))
        {
            problems.Add("igContact: required (break-glass alerts go there)");
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        await _registry.SaveOrganisationAsync(organisation, cancellationToken).ConfigureAwait(false);
        _policy.Update(p => p.With(organisations: Replace(p.Organisations.Values, organisation, o => o.Id)));
        return await AuditedAsync(actor, AuditEventType.RegistryChanged, "organisation:" + organisation.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces a role. Needs the administration capability.</summary>
    public async Task<ChangeResult> SaveRoleAsync(Actor actor, RoleDefinition role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (Forbidden(actor, RoleCapabilities.Administration) is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(role.Code) || string.IsNullOrWhiteSpace(role.Name))
        {
            return ChangeResult.Invalid(["code and name: required"]);
        }

        await _registry.SaveRoleAsync(role, cancellationToken).ConfigureAwait(false);
        _policy.Update(p => p.With(roles: Replace(p.Roles.Values, role, r => r.Code)));
        return await AuditedAsync(actor, AuditEventType.RegistryChanged, "role:" + role.Code, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces a practitioner. Needs the administration capability.</summary>
    public async Task<ChangeResult> SavePractitionerAsync(Actor actor, Practitioner practitioner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(practitioner);
        if (Forbidden(actor, RoleCapabilities.Administration) is { } forbidden)
        {
            return forbidden;
        }

        var policy = _policy.Current;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(practitioner.Id))
        {
            problems.Add("id: required");
        }

        foreach (var held in practitioner.Roles)
        {
            if (!policy.Organisations.ContainsKey(held.OrganisationId))
            {
                problems.Add($"roles: unknown organisation '{held.OrganisationId}'");
            }

            if (!policy.Roles.ContainsKey(held.Role))
            {
                problems.Add($"roles: unknown role '{held.Role}'");
            }
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        await _registry.SavePractitionerAsync(practitioner, cancellationToken).ConfigureAwait(false);
        _policy.Update(p => p.With(practitioners: Replace(p.Practitioners.Values, practitioner, x => x.Id)));
        return await AuditedAsync(actor, AuditEventType.RegistryChanged, "practitioner:" + practitioner.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces a sharing agreement. Needs the administration capability; parties must be registered.</summary>
    public async Task<ChangeResult> SaveAgreementAsync(Actor actor, SharingAgreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (Forbidden(actor, RoleCapabilities.Administration) is { } forbidden)
        {
            return forbidden;
        }

        var problems = agreement.Validate().ToList();
        var organisations = _policy.Current.Organisations;
        problems.AddRange(agreement.Parties.Where(p => !organisations.ContainsKey(p)).Select(p => $"parties: unknown organisation '{p}'"));
        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        await _agreements.SaveAsync(agreement, cancellationToken).ConfigureAwait(false);
        _policy.Update(p => p.With(agreements: Replace(p.Agreements.Values, agreement, a => a.Id)));
        return await AuditedAsync(actor, AuditEventType.AgreementSaved, "agreement:" + agreement.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an objection, consent or national data opt-out for a person. Any registered practitioner may record
    /// one on the person's behalf; the id and time are assigned here.
    /// </summary>
    public async Task<(ChangeResult Result, ConsentDirective? Directive)> RecordDirectiveAsync(
        Actor actor,
        string personId,
        DirectiveKind kind,
        string? category,
        Purpose? purpose,
        string? recipientOrganisationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (Forbidden(actor, RoleCapabilities.None) is { } forbidden)
        {
            return (forbidden, null);
        }

        if (kind == DirectiveKind.NationalDataOptOut && (category is not null || purpose is not null || recipientOrganisationId is not null))
        {
            return (ChangeResult.Invalid(["the national data opt-out has no scope: it covers all secondary use"]), null);
        }

        if (recipientOrganisationId is not null && !_policy.Current.Organisations.ContainsKey(recipientOrganisationId))
        {
            return (ChangeResult.Invalid([$"recipientOrganisationId: unknown organisation '{recipientOrganisationId}'"]), null);
        }

        var now = _time.GetUtcNow();
        var directive = new ConsentDirective(
            "dir-" + Guid.CreateVersion7(now).ToString("N"), personId, kind, category, purpose, recipientOrganisationId, now, actor.PractitionerId);
        await _directives.AddAsync(directive, cancellationToken).ConfigureAwait(false);
        var result = await AuditedAsync(actor, AuditEventType.DirectiveRecorded, "directive:" + directive.Id, cancellationToken, personId).ConfigureAwait(false);
        return (result, directive);
    }

    /// <summary>Withdraws a directive (it stays on record as withdrawn).</summary>
    public async Task<ChangeResult> WithdrawDirectiveAsync(Actor actor, string personId, string directiveId, CancellationToken cancellationToken = default)
    {
        if (Forbidden(actor, RoleCapabilities.None) is { } forbidden)
        {
            return forbidden;
        }

        var existing = await _directives.ForPersonAsync(personId, cancellationToken).ConfigureAwait(false);
        if (!existing.Any(d => string.Equals(d.Id, directiveId, StringComparison.Ordinal) && d.WithdrawnAt is null)
            || !await _directives.WithdrawAsync(directiveId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return ChangeResult.NotFound("directive: none in effect with that id for that person");
        }

        return await AuditedAsync(actor, AuditEventType.DirectiveWithdrawn, "directive:" + directiveId, cancellationToken, personId).ConfigureAwait(false);
    }

    /// <summary>The directives recorded for a person, withdrawn ones included.</summary>
    public Task<IReadOnlyList<ConsentDirective>> DirectivesAsync(string personId, CancellationToken cancellationToken = default) =>
        _directives.ForPersonAsync(personId, cancellationToken);

    /// <summary>Sets the labels on a person (sealed, protected address, restricted). Needs administration or IG.</summary>
    public async Task<ChangeResult> SetPersonLabelsAsync(Actor actor, string personId, SensitivityLabels labels, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (Forbidden(actor, RoleCapabilities.Administration | RoleCapabilities.InformationGovernance) is { } forbidden)
        {
            return forbidden;
        }

        await _subjects.SetLabelsAsync(personId, labels, cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(actor, AuditEventType.RegistryChanged, "person-labels:" + labels, cancellationToken, personId).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an organisation's involvement with a person. A practitioner may record their own organisation's
    /// involvement (a self-claimed relationship, audited); others need the administration capability.
    /// </summary>
    public async Task<ChangeResult> SaveInvolvementAsync(Actor actor, Involvement involvement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvement);
        var own = string.Equals(actor.OrganisationId, involvement.OrganisationId, StringComparison.Ordinal);
        if (Forbidden(actor, own ? RoleCapabilities.None : RoleCapabilities.Administration) is { } forbidden)
        {
            return forbidden;
        }

        if (!_policy.Current.Organisations.ContainsKey(involvement.OrganisationId))
        {
            return ChangeResult.Invalid([$"organisationId: unknown organisation '{involvement.OrganisationId}'"]);
        }

        if (involvement.To is { } to && to < involvement.From)
        {
            return ChangeResult.Invalid(["to: before from"]);
        }

        await _subjects.SaveInvolvementAsync(involvement, cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(actor, AuditEventType.RegistryChanged, "involvement:" + involvement.OrganisationId, cancellationToken, involvement.PersonId).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves an involvement to another person key, as the exchange itself (no practitioner): for components that
    /// follow the Identity Manager's merges and unmerges, so that an organisation's relationship stays with the person
    /// its records now belong to. Audited under both person keys with <paramref name="reason"/> (a history sequence,
    /// never personal data). A no-op move (same key) writes nothing.
    /// </summary>
    public async Task<ChangeResult> MoveInvolvementAsync(Involvement involvement, string toPersonId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvement);
        ArgumentException.ThrowIfNullOrWhiteSpace(toPersonId);
        if (string.Equals(involvement.PersonId, toPersonId, StringComparison.Ordinal))
        {
            return ChangeResult.Ok;
        }

        // New key first: a crash in between leaves the relationship on both keys, never on neither.
        await _subjects.SaveInvolvementAsync(involvement with { PersonId = toPersonId }, cancellationToken).ConfigureAwait(false);
        await _subjects.RemoveInvolvementAsync(involvement, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            new AuditRecord(AuditEventType.RegistryChanged, "success", null, involvement.OrganisationId, null, null, null,
                [involvement.PersonId, toPersonId], [], Detail: "involvement-moved:" + involvement.OrganisationId + ";" + reason),
            cancellationToken).ConfigureAwait(false);
        return ChangeResult.Ok;
    }

    /// <summary>
    /// True when the actor is an active practitioner holding the role in the organisation, and the role has any of
    /// <paramref name="anyOf"/> (or <see cref="RoleCapabilities.None"/> to ask only that).
    /// </summary>
    public bool Holds(Actor actor, RoleCapabilities anyOf) => Forbidden(actor, anyOf) is null;

    private ChangeResult? Forbidden(Actor actor, RoleCapabilities anyOf)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var policy = _policy.Current;
        if (!policy.Practitioners.TryGetValue(actor.PractitionerId, out var practitioner) || !practitioner.Active
            || !practitioner.Holds(actor.OrganisationId, actor.Role) || !policy.Roles.TryGetValue(actor.Role, out var role))
        {
            return ChangeResult.Forbidden("actor: not a registered practitioner in that organisation and role");
        }

        return anyOf == RoleCapabilities.None || (role.Capabilities & anyOf) != 0
            ? null
            : ChangeResult.Forbidden($"actor: role '{actor.Role}' lacks the capability ({anyOf})");
    }

    private async Task<ChangeResult> AuditedAsync(Actor actor, AuditEventType type, string detail, CancellationToken cancellationToken, string? personId = null)
    {
        await _audit.AppendAsync(
            new AuditRecord(type, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null, actor.RequestId,
                personId is null ? [] : [personId], [], Detail: detail),
            cancellationToken).ConfigureAwait(false);
        return ChangeResult.Ok;
    }

    private static IEnumerable<T> Replace<T>(IEnumerable<T> existing, T item, Func<T, string> key) =>
        existing.Where(x => !string.Equals(key(x), key(item), StringComparison.Ordinal)).Append(item);
}
