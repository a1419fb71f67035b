using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace GmConnect.Integration.Storage;

/// <summary>
/// New person records and their change-feed rows into PostgreSQL by binary <c>COPY</c> inside the chunk's transaction:
/// one stream per table instead of one statement per row (the landing table's inserts are most of a first import).
/// </summary>
internal static class PostgresCopy
{
    /// <summary>True when the connection can take a binary COPY (PostgreSQL).</summary>
    public static bool Supported(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>Writes <paramref name="rows"/> (values in <paramref name="columns"/> order; strings, ints, longs or null).</summary>
    public static async Task WriteAsync(DbConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var import = await npgsql.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
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
                        throw new ArgumentException($"COPY into {table}: unsupported value type {value.GetType().Name}.", nameof(rows));
                }
            }
        }

        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
