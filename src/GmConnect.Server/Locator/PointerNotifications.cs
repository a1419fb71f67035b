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
        await outbox.EnqueueAsync(
            new NotificationEvent(
                "pointer-created:" + created.Id,
                NotificationKinds.PointerCreated,
                personId,
                created.Id,
                created.Type,
                types.Find(created.Type)?.SharingCategory ?? created.Type,
                created.CustodianId,
                created.Sensitivity,
                created.Created),
            transaction,
            cancellationToken).ConfigureAwait(false);
}
