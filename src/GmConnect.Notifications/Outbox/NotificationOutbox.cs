using System.Data.Common;
using GmConnect.Notifications.Storage;

namespace GmConnect.Notifications.Outbox;

/// <summary>
/// The outbox: producers record what happened here, in the same database transaction as the change itself, so a
/// committed change is always notified and a rolled-back one never is. The dispatcher delivers from it.
/// </summary>
public sealed class NotificationOutbox
{
    private readonly SqlNotificationStore _store;

    internal NotificationOutbox(SqlNotificationStore store) => _store = store;

    /// <summary>
    /// Records an event. Pass the producer's open transaction (on the same store) so the event commits or rolls back
    /// with the change; without one the event is written on its own. The same <see cref="NotificationEvent.EventId"/>
    /// twice is one event. Returns true when the event is new.
    /// </summary>
    public Task<bool> EnqueueAsync(NotificationEvent notification, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.EventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.PersonKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.PointerId);
        return _store.InsertEventAsync(notification, transaction, cancellationToken);
    }
}
