namespace GmConnect.Notifications.Delivery;

/// <summary>One notification of one event to one subscription.</summary>
/// <param name="Id">The delivery's id (sent as the notification id, so a receiver can drop duplicates).</param>
/// <param name="EventId">The event.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="NextAttempt">When it is tried next (pending only).</param>
/// <param name="LastError">The last failure: an HTTP status or exception type, never a response body.</param>
public sealed record NotificationDelivery(string Id, string EventId, string SubscriptionId, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttempt, string? LastError);
