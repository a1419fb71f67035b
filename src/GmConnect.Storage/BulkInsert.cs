using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace GmConnect.Storage;

/// <summary>
/// Many new rows into one table inside the caller's transaction, as fast as the provider allows: one binary
/// <c>COPY</c> stream on PostgreSQL (one round trip instead of one per row), one prepared <c>INSERT</c> reused row by
/// row on SQLite (in-process: no round trips to save, only parsing). The rows must be new: <c>COPY</c> cannot skip a
/// duplicate key, so a duplicate fails the statement and with it the caller's transaction.
/// </summary>
public static class BulkInsert
{
    /// <summary>Writes <paramref name="rows"/>, each with values in <paramref name="columns"/> order (string, int, long or null).</summary>
    /// <param name="connection">The open connection of <paramref name="transaction"/>.</param>
    /// <param name="transaction">The caller's transaction: the rows commit or roll back with it.</param>
    /// <param name="table">The table (a constant of the caller's, never input).</param>
    /// <param name="columns">The columns (constants of the caller's).</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many rows were written.</returns>
    public static async Task<int> WriteAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, table, columns, rows, cancellationToken).ConfigureAwait(false)
            : await InsertEachAsync(connection, transaction, table, columns, rows, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        var import = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (import.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                Guard(row, columns, table);
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null:
                            await import.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                            break;
                        case string text:
                            await import.WriteAsync(text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            break;
                        case int number:
                            await import.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                            break;
                        case long number:
                            await import.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                            break;
                        default:
                            throw new ArgumentException($"Bulk insert into {table}: unsupported value type {value.GetType().Name}.", nameof(rows));
                    }
                }

                written++;
            }

            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static async Task<int> InsertEachAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var names = columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var insert = connection.Command($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})", transaction);
        await using (insert.ConfigureAwait(false))
        {
            foreach (var name in names)
            {
                insert.With(name, null);
            }

            insert.Prepare();
            var written = 0;
            foreach (var row in rows)
            {
                Guard(row, columns, table);
                for (var i = 0; i < row.Length; i++)
                {
                    insert.Parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                written++;
            }

            return written;
        }
    }

    private static void Guard(object?[] row, IReadOnlyList<string> columns, string table)
    {
        if (row.Length != columns.Count)
        {
            throw new ArgumentException($"Bulk insert into {table}: a row has {row.Length} values for {columns.Count} columns.", nameof(row));
        }
    }
}
