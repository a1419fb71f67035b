using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.SubjectAccess;

/// <summary>Builds subject access reports for IG officers. Producing one is itself audited.</summary>
public sealed class SubjectAccessService
{
    private readonly SubjectPolicyLoader _subjects;
    private readonly AuditTrail _audit;
    private readonly PolicyState _policy;
    private readonly IReadOnlyList<ISubjectRecordSource> _sources;
    private readonly TimeProvider _time;

    internal SubjectAccessService(
        SubjectPolicyLoader subjects, AuditTrail audit, PolicyState policy, IEnumerable<ISubjectRecordSource> sources, TimeProvider time)
    {
        _subjects = subjects;
        _audit = audit;
        _policy = policy;
        _sources = [.. sources];
        _time = time;
    }

    /// <summary>
    /// Builds the report for one person. Null when the actor is not an active practitioner holding a role with
    /// the information-governance capability in the organisation they claim.
    /// </summary>
    public async Task<SubjectAccessReport?> BuildAsync(Actor actor, string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var policy = _policy.Current;
        if (!policy.Practitioners.TryGetValue(actor.PractitionerId, out var officer) || !officer.Active
            || !officer.Holds(actor.OrganisationId, actor.Role)
            || !policy.Roles.TryGetValue(actor.Role, out var role)
            || (role.Capabilities & RoleCapabilities.InformationGovernance) == 0)
        {
            return null;
        }

        var subject = await _subjects.LoadAsync(personId, cancellationToken).ConfigureAwait(false);
        var records = new List<HeldRecord>();
        foreach (var source in _sources)
        {
            records.AddRange(await source.RecordsAboutAsync(personId, cancellationToken).ConfigureAwait(false));
        }

        var entries = await _audit.SearchAllAsync(new AuditQuery(PersonId: personId), cancellationToken).ConfigureAwait(false);
        var accesses = entries
            .Where(e => e.Record.EventType is AuditEventType.Read or AuditEventType.Search or AuditEventType.BreakGlassOpened)
            .OrderBy(e => e.Sequence)
            .Select(e => Line(e, personId, policy))
            .ToArray();

        var report = new SubjectAccessReport(
            personId,
            _time.GetUtcNow(),
            [.. records.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.ResourceId, StringComparer.Ordinal)],
            subject.Sensitivity,
            subject.Directives,
            subject.Involvements,
            subject.BreakGlassSessions,
            accesses);

        await _audit.AppendAsync(
            new AuditRecord(AuditEventType.SubjectAccessReport, "success", actor.PractitionerId, actor.OrganisationId, actor.Role, null,
                actor.RequestId, [personId], []),
            cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static AccessLine Line(AuditEntry entry, string personId, PolicySnapshot policy)
    {
        var r = entry.Record;
        var mine = r.Resources.Where(x => string.Equals(x.PersonId, personId, StringComparison.Ordinal)).ToArray();
        var shown = mine.Count(x => x.Outcome is "permit" or "redact");
        return new AccessLine(
            entry.Recorded,
            r.PractitionerId,
            r.PractitionerId is not null && policy.Practitioners.TryGetValue(r.PractitionerId, out var p) ? p.Name : null,
            r.OrganisationId,
            r.OrganisationId is not null && policy.Organisations.TryGetValue(r.OrganisationId, out var o) ? o.Name : null,
            r.Role,
            r.Purpose,
            r.EventType.ToCode(),
            shown,
            mine.Length - shown,
            r.BreakGlassSessionId,
            entry.Sequence);
    }
}
