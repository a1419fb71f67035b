using Microsoft.Extensions.Logging;

namespace GmConnect.Governance.BreakGlass;

/// <summary>The default <see cref="IIgAlertSink"/>: logs the alert (keys only) and keeps it for the IG view.</summary>
public sealed class IgAlertOutbox : IIgAlertSink
{
    private readonly Lock _lock = new();
    private readonly List<IgAlert> _alerts = [];
    private readonly ILogger<IgAlertOutbox> _logger;

    /// <summary>Creates the outbox.</summary>
    public IgAlertOutbox(ILogger<IgAlertOutbox> logger) => _logger = logger;

    /// <summary>Alerts so far, oldest first.</summary>
    public IReadOnlyList<IgAlert> Alerts
    {
        get
        {
            lock (_lock)
            {
                return [.. _alerts];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask SendAsync(IgAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            _alerts.Add(alert);
        }

        Log.IgAlert(_logger, alert.OrganisationId, alert.Contact, alert.SessionId, alert.PractitionerId, alert.RequesterOrganisationId);
        return ValueTask.CompletedTask;
    }
}
