namespace GmConnect.Governance.BreakGlass;

/// <summary>
/// Delivers IG alerts. The default keeps them in memory and logs keys; a host can register one that sends e-mail
/// or posts to a queue. Delivery happens before the access that raised it returns.
/// </summary>
public interface IIgAlertSink
{
    /// <summary>Delivers one alert.</summary>
    ValueTask SendAsync(IgAlert alert, CancellationToken cancellationToken = default);
}
