using System.Data.Common;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// Told of every pointer created, inside the transaction that stores it, so that what it writes (a notification in
/// an outbox) commits or rolls back with the pointer: at least once, never for a pointer that was not stored. The
/// Locator may not reference the components that listen (Notifications); the host registers an adapter.
/// </summary>
public interface IPointerObserver
{
    /// <summary>A pointer was created (also by upsert, or superseding another).</summary>
    /// <param name="created">The stored pointer.</param>
    /// <param name="personId">The Identity Manager's person for its subject identifiers (as the audit entry names it), or an <c>unresolved:</c> key.</param>
    /// <param name="transaction">The open transaction storing the pointer, on the host's store.</param>
    /// <param name="cancellationToken">Cancels the write (and so the pointer).</param>
    Task PointerCreatedAsync(RecordPointer created, string personId, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Many pointers were created in one transaction (the bulk producer path, <see cref="BulkPointerPublisher"/>).
    /// The default tells <see cref="PointerCreatedAsync"/> of each in turn; an observer that can write a chunk at
    /// once (an outbox by <c>COPY</c>) overrides it. Either way, what it writes commits or rolls back with the chunk.
    /// </summary>
    /// <param name="created">The stored pointers, each with its person as <see cref="PointerCreatedAsync"/> would be told.</param>
    /// <param name="transaction">The open transaction storing the chunk.</param>
    /// <param name="cancellationToken">Cancels the write (and so the chunk).</param>
    async Task PointersCreatedAsync(IReadOnlyList<(RecordPointer Created, string PersonId)> created, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        foreach (var (pointer, personId) in created)
        {
            await PointerCreatedAsync(pointer, personId, transaction, cancellationToken).ConfigureAwait(false);
        }
    }
}
