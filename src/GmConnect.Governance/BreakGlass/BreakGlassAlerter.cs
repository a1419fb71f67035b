using System.Collections.Concurrent;
using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.BreakGlass;

/// <summary>
/// Raises IG alerts for break-glass: to the requester's organisation when a session opens, and to each custodian
/// the first time a session reaches one of its records. Sent before the access returns.
/// </summary>
internal sealed class BreakGlassAlerter
{
    private readonly PolicyState _policy;
    private readonly IIgAlertSink _sink;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Session, string Organisation), bool> _sent = new();

    public BreakGlassAlerter(PolicyState policy, IIgAlertSink sink, TimeProvider time)
    {
        _policy = policy;
        _sink = sink;
        _time = time;
    }

    public ValueTask OpenedAsync(BreakGlassSession session, CancellationToken cancellationToken) =>
        AlertAsync(session, session.OrganisationId, cancellationToken);

    public async ValueTask UsedAsync(BreakGlassSession session, string custodianId, CancellationToken cancellationToken)
    {
        if (string.Equals(custodianId, session.OrganisationId, StringComparison.Ordinal))
        {
            return;
        }

        await AlertAsync(session, custodianId, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask AlertAsync(BreakGlassSession session, string organisationId, CancellationToken cancellationToken)
    {
        if (!_sent.TryAdd((session.Id, organisationId), true))
        {
            return;
        }

        // An organisation missing from the registry still gets an alert, addressed to its id, so nothing is lost.
        var contact = _policy.Current.Organisations.TryGetValue(organisationId, out var organisation) ? organisation.IgContact : organisationId;
        var alert = new IgAlert(
            organisationId, contact, session.Id, session.PractitionerId, session.OrganisationId, session.PersonId, session.Justification, _time.GetUtcNow());
        await _sink.SendAsync(alert, cancellationToken).ConfigureAwait(false);
    }
}
