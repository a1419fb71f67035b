using System.Data.Common;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Notifications.Outbox;

namespace GmConnect.Server.Locator;

/// <summary>
/// Joins the Locator to Notifications (neither may reference the other): every pointer created is written to the
/// notification outbox in the pointer's own transaction, so subscribers hear of it at least once and never of a
/// pointer that was rolled back. This is how an A&amp;E attendance pointer for a child on a protection plan reaches
/// the child's local authority (CP-IS).
/// </summary>
internal sealed class PointerNotifications(NotificationOutbox outbox, RecordTypeRegistry types) : IPointerObserver
{
    public async Task PointerCreatedAsync(RecordPointer created, string personId, DbTransaction transaction, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(EventOf(created, personId), transaction, cancellationToken).ConfigureAwait(false);

    /// <summary>A bulk load's chunk: the same events, written in one go (binary COPY on PostgreSQL).</summary>
    public async Task PointersCreatedAsync(IReadOnlyList<(RecordPointer Created, string PersonId)> created, DbTransaction transaction, CancellationToken cancellationToken) =>
        await outbox.EnqueueManyAsync([.. created.Select(c => EventOf(c.Created, c.PersonId))], transaction, cancellationToken).ConfigureAwait(false);

    private NotificationEvent EventOf(RecordPointer created, string personId) => new(
        "pointer-created:" + created.Id,
        NotificationKinds.PointerCreated,
        personId,
        created.Id,
        created.Type,
        types.Find(created.Type)?.SharingCategory ?? created.Type,
        created.CustodianId,
        created.Sensitivity,
        created.Created);
}
