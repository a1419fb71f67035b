using GmConnect.Governance.Administration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Governance.Registries;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Locator.Involvements;

/// <summary>
/// Which organisations work with a person, now and before. An organisation registers and ends its own
/// involvements; each change is written through to Governance's involvements (the legitimate-relationship rule
/// for direct care), which also validates and audits it. Listing is decided per involvement by Governance.
/// </summary>
public sealed class InvolvementRegister
{
    /// <summary>The record category Governance decides involvement listings on (an agreement must name it to share them).</summary>
    public const string SharingCategory = "involvement";

    private readonly InvolvementStore _store;
    private readonly GovernanceAdministration _governance;
    private readonly AccessGate _gate;
    private readonly PersonResolver _resolver;
    private readonly TimeProvider _time;
    private readonly ILogger<InvolvementRegister> _logger;

    internal InvolvementRegister(
        InvolvementStore store,
        GovernanceAdministration governance,
        AccessGate gate,
        PersonResolver resolver,
        TimeProvider time,
        ILogger<InvolvementRegister> logger)
    {
        _store = store;
        _governance = governance;
        _gate = gate;
        _resolver = resolver;
        _time = time;
        _logger = logger;
    }

    /// <summary>Registers the caller's organisation's involvement with a person the Identity Manager knows.</summary>
    public async Task<InvolvementOutcome> RegisterAsync(Actor actor, InvolvementDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!_governance.Holds(actor, RoleCapabilities.None))
        {
            return InvolvementOutcome.Refused(PointerRefusal.NotRegistered, "actor: not a registered practitioner in that organisation and role");
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Subject.System) || string.IsNullOrWhiteSpace(draft.Subject.Value))
        {
            problems.Add("subject: system and value are required");
        }

        if (draft.End is { } end && end < draft.Start)
        {
            problems.Add("end: before start");
        }

        if (draft.LastContact is { } last && last < draft.Start)
        {
            problems.Add("lastContact: before start");
        }

        if (problems.Count > 0)
        {
            return InvolvementOutcome.Refused(PointerRefusal.Invalid, [.. problems]);
        }

        var person = await _resolver.ResolveAsync(draft.Subject, cancellationToken).ConfigureAwait(false);
        if (!person.Known)
        {
            // Governance's relationship rule is keyed by person: an identifier the index does not know cannot carry one.
            return InvolvementOutcome.Refused(PointerRefusal.Invalid, "subject: not known to the Identity Manager");
        }

        var now = _time.GetUtcNow();
        var involvement = new InvolvementRecord(
            "inv-" + Guid.CreateVersion7(now).ToString("N"), draft.Subject, actor.OrganisationId, draft.Team, draft.LeadContact,
            draft.Start, draft.End, draft.LastContact, actor.PractitionerId, now);
        return await SaveAsync(actor, involvement, person.PersonId, "registered", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends (or changes the end and last contact of) one of the caller's organisation's involvements.</summary>
    public async Task<InvolvementOutcome> EndAsync(Actor actor, string id, DateOnly end, DateOnly? lastContact = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!_governance.Holds(actor, RoleCapabilities.None))
        {
            return InvolvementOutcome.Refused(PointerRefusal.NotRegistered, "actor: not a registered practitioner in that organisation and role");
        }

        if (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored
            || !string.Equals(stored.Involvement.OrganisationId, actor.OrganisationId, StringComparison.Ordinal))
        {
            return InvolvementOutcome.Refused(PointerRefusal.NotFound, "id: no such involvement of your organisation");
        }

        if (end < stored.Involvement.Start)
        {
            return InvolvementOutcome.Refused(PointerRefusal.Invalid, "end: before start");
        }

        var ended = stored.Involvement with
        {
            End = end,
            LastContact = lastContact ?? stored.Involvement.LastContact,
            RecordedBy = actor.PractitionerId,
            Updated = _time.GetUtcNow(),
        };
        return await SaveAsync(actor, ended, stored.PersonId, "ended", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The involvements with the person behind any identifier the Identity Manager knows, each decided by Governance
    /// (category <see cref="SharingCategory"/>) before counting; the search is audited.
    /// </summary>
    public async Task<FilterResult<InvolvementRecord>> ListAsync(AccessRequest request, SubjectIdentifier subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        var person = await _resolver.ResolveAsync(subject, cancellationToken).ConfigureAwait(false);
        var found = await _store.BySubjectsAsync(person.SubjectKeys, cancellationToken).ConfigureAwait(false);
        var candidates = found
            .Select(i => new Candidate<InvolvementRecord>(i, new GovernedResource(i.Id, person.PersonId, i.OrganisationId, SharingCategory)))
            .ToList();
        return await _gate.FilterAsync(request with { Action = AccessAction.Search }, candidates, QueryKind.ByPerson, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<InvolvementOutcome> SaveAsync(Actor actor, InvolvementRecord involvement, string personId, string change, CancellationToken cancellationToken)
    {
        // Governance first: it validates the organisation and dates and audits the change; only then is it ours.
        var written = await _governance.SaveInvolvementAsync(
            actor,
            new Governance.Relationships.Involvement(personId, involvement.OrganisationId, involvement.Start, involvement.End),
            cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            return InvolvementOutcome.Refused(
                written.Status == Governance.Administration.ChangeStatus.Forbidden ? PointerRefusal.NotRegistered : PointerRefusal.Invalid,
                [.. written.Problems]);
        }

        await _store.SaveAsync(involvement, personId, cancellationToken).ConfigureAwait(false);
        Log.InvolvementChanged(_logger, involvement.Id, involvement.OrganisationId, change);
        return InvolvementOutcome.Ok(involvement);
    }
}
