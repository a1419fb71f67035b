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

    /// <summary>
    /// Records many events on the producer's open transaction (a bulk load's chunk) in one go: binary <c>COPY</c> on
    /// PostgreSQL. The same id twice, here or already in the outbox, is one event. Returns how many were new.
    /// </summary>
    public Task<int> EnqueueManyAsync(IReadOnlyList<NotificationEvent> notifications, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(transaction);
        foreach (var notification in notifications)
        {
            ArgumentNullException.ThrowIfNull(notification, nameof(notifications));
            ArgumentException.ThrowIfNullOrWhiteSpace(notification.EventId, nameof(notifications));
            ArgumentException.ThrowIfNullOrWhiteSpace(notification.PersonKey, nameof(notifications));
            ArgumentException.ThrowIfNullOrWhiteSpace(notification.PointerId, nameof(notifications));
        }

        return notifications.Count == 0 ? Task.FromResult(0) : _store.InsertEventsAsync(notifications, transaction, cancellationToken);
    }
}
