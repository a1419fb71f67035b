using System.Data.Common;
using GmConnect.Notifications.Outbox;
using GmConnect.Storage;

namespace GmConnect.Notifications.Storage;

/// <summary>Many outbox events on the producer's transaction (a bulk load's chunk).</summary>
internal sealed partial class SqlNotificationStore
{
    private const string UniqueViolation = "23505";

    private static readonly string[] EventColumnList =
        ["id", "kind", "person_key", "pointer_id", "record_type", "category", "custodian_id", "sensitivity", "occurred_us", "expanded"];

    /// <summary>
    /// Writes the events on <paramref name="transaction"/>; an id already in the outbox (or twice in the list) is one
    /// event, as with <see cref="InsertEventAsync"/>. On PostgreSQL by binary <c>COPY</c> straight into the outbox
    /// under a savepoint — a bulk load's events are new, since their pointers were created in the same transaction —
    /// and, only when an id is already there, back to the savepoint and by <c>COPY</c> into a transaction-scoped load
    /// table, then one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>; on SQLite by one prepared statement.
    /// Returns how many were new.
    /// </summary>
    public async Task<int> InsertEventsAsync(IReadOnlyList<NotificationEvent> events, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        var rows = events.Select(e => new object?[]
        {
            e.EventId, e.Kind, e.PersonKey, e.PointerId, e.RecordType, e.Category, e.CustodianId, (int)e.Sensitivity, Micros(e.OccurredAt), 0,
        });
        if (store.Provider == StoreProvider.PostgreSql)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var once = rows.Where(r => distinct.Add((string)r[0]!)).ToList();
            await ExecuteAsync(connection, transaction, "SAVEPOINT notif_event_copy", cancellationToken).ConfigureAwait(false);
            try
            {
                await BulkInsert.WriteAsync(connection, transaction, "notif_event", EventColumnList, once, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "RELEASE SAVEPOINT notif_event_copy", cancellationToken).ConfigureAwait(false);
                return once.Count;
            }
            catch (DbException e) when (e.SqlState == UniqueViolation)
            {
                await ExecuteAsync(connection, transaction, "ROLLBACK TO SAVEPOINT notif_event_copy", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction,
                "CREATE TEMP TABLE notif_event_load (LIKE notif_event INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
            await BulkInsert.WriteAsync(connection, transaction, "notif_event_load", EventColumnList, rows, cancellationToken).ConfigureAwait(false);
            var added = await ExecuteAsync(connection, transaction,
                $"INSERT INTO notif_event ({string.Join(", ", EventColumnList)}) SELECT DISTINCT ON (id) {string.Join(", ", EventColumnList)} " +
                "FROM notif_event_load ORDER BY id ON CONFLICT (id) DO NOTHING", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DROP TABLE notif_event_load", cancellationToken).ConfigureAwait(false);
            return added;
        }

        var insert = connection.Command(
            $"INSERT INTO notif_event ({string.Join(", ", EventColumnList)}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) ON CONFLICT (id) DO NOTHING",
            transaction);
        await using (insert.ConfigureAwait(false))
        {
            for (var i = 0; i < EventColumnList.Length; i++)
            {
                insert.With("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            }

            insert.Prepare();
            var added = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    insert.Parameters[i].Value = row[i] ?? DBNull.Value;
                }

                added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return added;
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.Command(sql, transaction);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
