using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Filtering;
using Microsoft.Extensions.Logging;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// The entry point every component calls before it shows anything: decide on one resource, or filter a query's
/// candidates. Each call is audited, and break-glass use alerts the custodians' IG contacts.
/// </summary>
public sealed class AccessGate
{
    private readonly DecisionEngine _engine;
    private readonly SubjectPolicyLoader _subjects;
    private readonly AuditTrail _audit;
    private readonly BreakGlassAlerter _alerter;
    private readonly ILogger<AccessGate> _logger;

    internal AccessGate(DecisionEngine engine, SubjectPolicyLoader subjects, AuditTrail audit, BreakGlassAlerter alerter, ILogger<AccessGate> logger)
    {
        _engine = engine;
        _subjects = subjects;
        _audit = audit;
        _alerter = alerter;
        _logger = logger;
    }

    /// <summary>Decides on one resource and appends the decision to the audit trail.</summary>
    public async Task<Decision> DecideAsync(AccessRequest request, GovernedResource resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resource);
        var subject = await _subjects.LoadAsync(resource.PersonId, cancellationToken).ConfigureAwait(false);
        var decision = _engine.Decide(request, resource, subject);
        await AlertBreakGlassAsync(decision, resource, subject, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.Read,
                Outcome(decision.Outcome),
                request.PractitionerId,
                request.OrganisationId,
                request.Role,
                request.Purpose.ToCode(),
                request.RequestId,
                [resource.PersonId],
                [Audited(resource, decision)],
                BreakGlassSessionId: decision.BreakGlassSessionId,
                Detail: decision.AgreementId),
            cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>
    /// Decides on every candidate of a query, then counts and pages only what is permitted. Pass every
    /// candidate the query matched, before any paging, so that totals cannot leak what was withheld.
    /// </summary>
    public async Task<FilterResult<T>> FilterAsync<T>(
        AccessRequest request,
        IReadOnlyList<Candidate<T>> candidates,
        QueryKind kind,
        PageRequest? page = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        var subjects = await _subjects.LoadManyAsync(candidates.Select(c => c.Resource.PersonId), cancellationToken).ConfigureAwait(false);
        var (result, decided) = QueryFilter.Apply(
            candidates,
            kind,
            page ?? PageRequest.All,
            resource => subjects[resource.PersonId],
            (resource, subject) => _engine.Decide(request, resource, subject));

        string? sessionId = null;
        foreach (var item in decided)
        {
            await AlertBreakGlassAsync(item.Decision, item.Resource, subjects[item.Resource.PersonId], cancellationToken).ConfigureAwait(false);
            sessionId ??= item.Decision.BreakGlassSessionId;
        }

        var concealed = decided.Count(d => d.Silent);
        Log.Filtered(_logger, candidates.Count, result.Total, result.WithheldCount, concealed);
        await _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.Search,
                "success",
                request.PractitionerId,
                request.OrganisationId,
                request.Role,
                request.Purpose.ToCode(),
                request.RequestId,
                [.. subjects.Keys.Order(StringComparer.Ordinal)],
                [.. decided.Select(d => Audited(d.Resource, d.Decision))],
                WithheldCount: result.WithheldCount + concealed,
                BreakGlassSessionId: sessionId,
                Detail: "query:" + kind.ToString().ToLowerInvariant()),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Permit => "permit",
        DecisionOutcome.Redact => "redact",
        _ => "deny",
    };

    private static AuditedResource Audited(GovernedResource resource, Decision decision) =>
        new(resource.ResourceId, resource.PersonId, resource.CustodianId, resource.Category, Outcome(decision.Outcome),
            [.. decision.Reasons.Select(r => r.ToString())]);

    private async Task AlertBreakGlassAsync(Decision decision, GovernedResource resource, SubjectPolicy subject, CancellationToken cancellationToken)
    {
        if (decision.BreakGlassSessionId is null)
        {
            return;
        }

        var session = subject.BreakGlassSessions.First(s => string.Equals(s.Id, decision.BreakGlassSessionId, StringComparison.Ordinal));
        await _alerter.UsedAsync(session, resource.CustodianId, cancellationToken).ConfigureAwait(false);
    }
}
