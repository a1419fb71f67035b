using System.Data.Common;
using System.Text;
using System.Text.Json;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;

namespace GmConnect.Locator.Storage;

/// <summary>Pointers in the host's store (SQLite or PostgreSQL), with the identifiers they were published under.</summary>
internal sealed partial class PointerStore(Store store)
{
    private const string Columns = "p.document";

    public async Task<RecordPointer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command($"SELECT {Columns} FROM loc_pointer p WHERE p.id = @id").With("id", id);
            await using (command.ConfigureAwait(false))
            {
                return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;
            }
        }
    }

    public async Task<RecordPointer?> FindByMasterAsync(string custodianId, string masterIdentifier, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command($"SELECT {Columns} FROM loc_pointer p WHERE p.custodian_id = @custodian AND p.master_id = @master")
                .With("custodian", custodianId).With("master", masterIdentifier);
            await using (command.ConfigureAwait(false))
            {
                return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;
            }
        }
    }

    /// <summary>
    /// Inserts <paramref name="created"/> and, in the same transaction, replaces <paramref name="superseded"/> (when
    /// given) if its version is still the one read. False when a unique key or the version check failed.
    /// </summary>
    public async Task<bool> InsertAsync(RecordPointer created, RecordPointer? superseded, CancellationToken cancellationToken, Func<DbTransaction, Task>? alsoInTransaction = null)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (superseded is not null && !await UpdateRowAsync(connection, transaction, superseded, superseded.Version - 1, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                if (created.MasterIdentifier is not null && await ExistsAsync(connection, transaction, created, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                var insert = connection.Command(
                    "INSERT INTO loc_pointer (id, custodian_id, master_id, type, category, status, version, created_us, updated_us, document) " +
                    "VALUES (@id, @custodian, @master, @type, @category, @status, @version, @created, @updated, @document)",
                    transaction);
                await using (insert.ConfigureAwait(false))
                {
                    Bind(insert, created).With("created", SqlTime.Micros(created.Created));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertSubjectsAsync(connection, transaction, created, cancellationToken).ConfigureAwait(false);
                if (alsoInTransaction is not null)
                {
                    await alsoInTransaction(transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <summary>Replaces a pointer if its stored version is <paramref name="expectedVersion"/>; false otherwise.</summary>
    public async Task<bool> UpdateAsync(RecordPointer pointer, int expectedVersion, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (!await UpdateRowAsync(connection, transaction, pointer, expectedVersion, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                var clear = connection.Command("DELETE FROM loc_pointer_subject WHERE pointer_id = @id", transaction).With("id", pointer.Id);
                await using (clear.ConfigureAwait(false))
                {
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertSubjectsAsync(connection, transaction, pointer, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    public async Task<bool> DeleteAsync(string id, string custodianId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Subjects first: PostgreSQL cascades, SQLite does too with foreign keys on, but say it plainly.
                var subjects = connection.Command(
                    "DELETE FROM loc_pointer_subject WHERE pointer_id IN (SELECT id FROM loc_pointer WHERE id = @id AND custodian_id = @custodian)", transaction)
                    .With("id", id).With("custodian", custodianId);
                await using (subjects.ConfigureAwait(false))
                {
                    await subjects.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var delete = connection.Command("DELETE FROM loc_pointer WHERE id = @id AND custodian_id = @custodian", transaction)
                    .With("id", id).With("custodian", custodianId);
                await using (delete.ConfigureAwait(false))
                {
                    var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return deleted;
                }
            }
        }
    }

    /// <summary>Every pointer published under any of <paramref name="subjectKeys"/>, narrowed by the filter, newest first.</summary>
    public async Task<IReadOnlyList<RecordPointer>> BySubjectsAsync(IReadOnlyCollection<string> subjectKeys, PointerFilter filter, CancellationToken cancellationToken)
    {
        if (subjectKeys.Count == 0)
        {
            return [];
        }

        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("");
            await using (command.ConfigureAwait(false))
            {
                var postgres = store.Provider == StoreProvider.PostgreSql;
                var sql = new StringBuilder($"SELECT {Columns} FROM loc_pointer p WHERE p.id IN (SELECT s.pointer_id FROM loc_pointer_subject s WHERE ");
                AppendFilter(sql, command, postgres, "", "s.subject_key", "k", subjectKeys);
                sql.Append(')');
                AppendFilter(sql, command, postgres, " AND ", "p.type", "t", filter.Types);
                AppendFilter(sql, command, postgres, " AND ", "p.category", "c", filter.Categories);
                AppendFilter(sql, command, postgres, " AND ", "p.custodian_id", "o", filter.Custodians);
                if (filter.CurrentOnly)
                {
                    sql.Append(" AND p.status = 'current'");
                }

                sql.Append(" ORDER BY p.created_us DESC, p.id");
                command.CommandText = sql.ToString();
                if (postgres)
                {
                    // Every consumer search runs this: prepared once per physical connection (Npgsql keeps it across the
                    // pool), its plan is not made again per search. Array parameters keep the text the same whatever
                    // the number of identifiers.
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }

                return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("SELECT COUNT(*) FROM loc_pointer");
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    internal static string StatusCode(PointerStatus status) => status switch
    {
        PointerStatus.Current => "current",
        PointerStatus.Superseded => "superseded",
        _ => "entered-in-error",
    };

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, RecordPointer pointer, CancellationToken cancellationToken)
    {
        var command = connection.Command("SELECT COUNT(*) FROM loc_pointer WHERE custodian_id = @custodian AND master_id = @master", transaction)
            .With("custodian", pointer.CustodianId).With("master", pointer.MasterIdentifier);
        await using (command.ConfigureAwait(false))
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
    }

    private static async Task<bool> UpdateRowAsync(DbConnection connection, DbTransaction transaction, RecordPointer pointer, int expectedVersion, CancellationToken cancellationToken)
    {
        var update = connection.Command(
            "UPDATE loc_pointer SET master_id = @master, type = @type, category = @category, status = @status, version = @version, " +
            "updated_us = @updated, document = @document WHERE id = @id AND custodian_id = @custodian AND version = @expected",
            transaction);
        await using (update.ConfigureAwait(false))
        {
            Bind(update, pointer).With("expected", expectedVersion);
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private static DbCommand Bind(DbCommand command, RecordPointer pointer) => command
        .With("id", pointer.Id)
        .With("custodian", pointer.CustodianId)
        .With("master", pointer.MasterIdentifier)
        .With("type", pointer.Type)
        .With("category", pointer.Category)
        .With("status", StatusCode(pointer.Status))
        .With("version", pointer.Version)
        .With("updated", SqlTime.Micros(pointer.LastUpdated))
        .With("document", JsonSerializer.Serialize(pointer, LocatorJson.Options));

    private static async Task InsertSubjectsAsync(DbConnection connection, DbTransaction transaction, RecordPointer pointer, CancellationToken cancellationToken)
    {
        foreach (var key in pointer.Subjects.Select(s => s.Key).Distinct(StringComparer.Ordinal))
        {
            var insert = connection.Command("INSERT INTO loc_pointer_subject (subject_key, pointer_id) VALUES (@key, @id)", transaction)
                .With("key", key).With("id", pointer.Id);
            await using (insert.ConfigureAwait(false))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // column IN the values: on PostgreSQL one array parameter (= ANY), on SQLite a parameter each. An empty list is no
    // filter (the subject keys are never empty here).
    private static void AppendFilter(StringBuilder sql, DbCommand command, bool postgres, string join, string column, string prefix, IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Append(join).Append(column);
        if (postgres)
        {
            sql.Append(" = ANY(@").Append(prefix).Append(')');
            command.With(prefix, values.ToArray());
            return;
        }

        sql.Append(" IN (");
        AppendIn(sql, command, prefix, values);
        sql.Append(')');
    }

    private static void AppendIn(StringBuilder sql, DbCommand command, string prefix, IReadOnlyCollection<string> values)
    {
        var i = 0;
        foreach (var value in values)
        {
            var name = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i++ == 0 ? "@" : ", @").Append(name);
            command.With(name, value);
        }
    }

    private static async Task<IReadOnlyList<RecordPointer>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<RecordPointer>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(JsonSerializer.Deserialize<RecordPointer>(reader.GetString(0), LocatorJson.Options)
                    ?? throw new InvalidDataException("A stored pointer document is empty."));
            }
        }

        return result;
    }
}
