using GmConnect.Notifications.Outbox;
using GmConnect.Storage;

namespace GmConnect.Notifications.Tests;

/// <summary>The outbox's chunk write on SQLite.</summary>
public sealed class SqliteOutboxTests() : OutboxContract(StoreProvider.Sqlite);

/// <summary>The outbox's chunk write on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresOutboxTests() : OutboxContract(StoreProvider.PostgreSql);

/// <summary>
/// <see cref="NotificationOutbox.EnqueueManyAsync"/> (a bulk load's chunk): on the producer's transaction, idempotent by
/// event id like <see cref="NotificationOutbox.EnqueueAsync"/>, and the events it writes are the ones delivered.
/// </summary>
public abstract class OutboxContract(StoreProvider provider) : IAsyncLifetime
{
    private TestNotifications _n = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _n = await TestNotifications.StartAsync(provider);

    public ValueTask DisposeAsync() => _n.DisposeAsync();

    [Fact]
    public async Task EnqueueManyAsync_ChunkWithARepeatAndAnEventAlreadyQueued_WritesEachEventOnce()
    {
        await _n.Outbox.EnqueueAsync(Event(1), cancellationToken: Ct);

        var added = await InTransactionAsync(commit: true, [Event(1), Event(2), Event(3), Event(2)]);

        Assert.Equal(2, added);
        Assert.Equal(["p-1", "p-2", "p-3"], await PointersAsync());
    }

    [Fact]
    public async Task EnqueueManyAsync_TransactionRolledBack_NoEvent()
    {
        await InTransactionAsync(commit: false, [Event(1), Event(2)]);

        Assert.Empty(await PointersAsync());
    }

    [Fact]
    public async Task EnqueueManyAsync_TwoChunksOnOneConnection_BothWritten()
    {
        // The PostgreSQL load table lives for one transaction: a pooled connection's next chunk must not trip on it.
        await InTransactionAsync(commit: true, [Event(1)]);
        await InTransactionAsync(commit: true, [Event(2)]);

        Assert.Equal(["p-1", "p-2"], await PointersAsync());
    }

    [Fact]
    public async Task EnqueueManyAsync_SecondChunkRepeatsTheFirstInOneTransaction_KeepsBothAndWritesEachOnce()
    {
        // The second chunk's repeat sends PostgreSQL's straight COPY back to its savepoint: the first chunk, written
        // before the savepoint on the same transaction, must survive that.
        await using var connection = await _n.Store.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var first = await _n.Outbox.EnqueueManyAsync([Event(1), Event(2)], transaction, Ct);
        var second = await _n.Outbox.EnqueueManyAsync([Event(2), Event(3)], transaction, Ct);
        await transaction.CommitAsync(Ct);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(["p-1", "p-2", "p-3"], await PointersAsync());
    }

    private NotificationEvent Event(int i) =>
        _n.PointerCreated("p-" + i, "person-" + i, "ae-attendance", "ae-attendance", "ods:R0A");

    private async Task<int> InTransactionAsync(bool commit, IReadOnlyList<NotificationEvent> events)
    {
        await using var connection = await _n.Store.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var added = await _n.Outbox.EnqueueManyAsync(events, transaction, Ct);
        if (commit)
        {
            await transaction.CommitAsync(Ct);
        }

        return added;
    }

    private async Task<List<string>> PointersAsync()
    {
        await using var connection = await _n.Store.OpenConnectionAsync(Ct);
        await using var command = connection.Command("SELECT pointer_id FROM notif_event ORDER BY pointer_id");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var found = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
