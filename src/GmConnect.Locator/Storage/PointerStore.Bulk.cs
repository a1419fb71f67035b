using System.Data.Common;
using System.Text;
using System.Text.Json;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;

namespace GmConnect.Locator.Storage;

/// <summary>The bulk producer path's reads and writes: a chunk's lookups in a few queries, its writes in one transaction.</summary>
internal sealed partial class PointerStore
{
    /// <summary>Keys per <c>IN (…)</c> list: far below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int InListSize = 500;

    private static readonly string[] PointerColumns =
        ["id", "custodian_id", "master_id", "type", "category", "status", "version", "created_us", "updated_us", "document"];

    private static readonly string[] SubjectColumns = ["subject_key", "pointer_id"];

    /// <summary>The custodian's pointers with any of these master identifiers, by master identifier.</summary>
    public async Task<Dictionary<string, RecordPointer>> FindByMastersAsync(string custodianId, IReadOnlyCollection<string> masters, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RecordPointer>(StringComparer.Ordinal);
        if (masters.Count == 0)
        {
            return found;
        }

        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (store.Provider == StoreProvider.PostgreSql)
            {
                // One round trip for the chunk: the identifiers go as one array (an IN list of 500 parameters each
                // time was parsed and planned afresh, ten times per chunk).
                var all = connection.Command($"SELECT {Columns} FROM loc_pointer p WHERE p.custodian_id = @custodian AND p.master_id = ANY(@masters)")
                    .With("custodian", custodianId).With("masters", masters.ToArray());
                await using (all.ConfigureAwait(false))
                {
                    foreach (var pointer in await ReadAsync(all, cancellationToken).ConfigureAwait(false))
                    {
                        found[pointer.MasterIdentifier!] = pointer;
                    }
                }

                return found;
            }

            foreach (var group in masters.Chunk(InListSize))
            {
                var command = connection.Command("").With("custodian", custodianId);
                await using (command.ConfigureAwait(false))
                {
                    var sql = new StringBuilder($"SELECT {Columns} FROM loc_pointer p WHERE p.custodian_id = @custodian AND p.master_id IN (");
                    AppendIn(sql, command, "m", group);
                    command.CommandText = sql.Append(')').ToString();
                    foreach (var pointer in await ReadAsync(command, cancellationToken).ConfigureAwait(false))
                    {
                        found[pointer.MasterIdentifier!] = pointer;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// One transaction for a chunk: <paramref name="updates"/> each guarded by the version read (as
    /// <see cref="UpdateAsync"/>), <paramref name="creates"/> with their subjects by <see cref="BulkInsert"/>, then
    /// <paramref name="alsoInTransaction"/> (the observers). Returns the ids of the updates whose version had moved on
    /// (not written). A create whose master identifier another writer took meanwhile fails the whole chunk with the
    /// provider's unique-key exception: nothing of the chunk is written.
    /// </summary>
    public async Task<HashSet<string>> WriteChunkAsync(
        IReadOnlyList<RecordPointer> creates,
        IReadOnlyList<(RecordPointer Updated, int ExpectedVersion)> updates,
        Func<DbTransaction, Task>? alsoInTransaction,
        CancellationToken cancellationToken)
    {
        var stale = new HashSet<string>(StringComparer.Ordinal);
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var (updated, expected) in updates)
                {
                    if (!await UpdateRowAsync(connection, transaction, updated, expected, cancellationToken).ConfigureAwait(false))
                    {
                        stale.Add(updated.Id);
                        continue;
                    }

                    var clear = connection.Command("DELETE FROM loc_pointer_subject WHERE pointer_id = @id", transaction).With("id", updated.Id);
                    await using (clear.ConfigureAwait(false))
                    {
                        await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await InsertSubjectsAsync(connection, transaction, updated, cancellationToken).ConfigureAwait(false);
                }

                if (creates.Count > 0)
                {
                    await BulkInsert.WriteAsync(connection, transaction, "loc_pointer", PointerColumns, creates.Select(p => new object?[]
                    {
                        p.Id, p.CustodianId, p.MasterIdentifier, p.Type, p.Category, StatusCode(p.Status), p.Version,
                        SqlTime.Micros(p.Created), SqlTime.Micros(p.LastUpdated), JsonSerializer.Serialize(p, LocatorJson.Options),
                    }), cancellationToken).ConfigureAwait(false);
                    await BulkInsert.WriteAsync(connection, transaction, "loc_pointer_subject", SubjectColumns, creates.SelectMany(p =>
                        p.Subjects.Select(s => s.Key).Distinct(StringComparer.Ordinal).Select(key => new object?[] { key, p.Id })), cancellationToken).ConfigureAwait(false);
                }

                if (alsoInTransaction is not null)
                {
                    await alsoInTransaction(transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return stale;
    }
}
