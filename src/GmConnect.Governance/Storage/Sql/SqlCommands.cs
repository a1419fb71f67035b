using System.Data.Common;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>One-statement helpers: open, run, map, dispose.</summary>
internal static class SqlCommands
{
    public static async Task<int> ExecuteAsync(this Store store, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Prepare(connection, sql, parameters);
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this Store store, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Prepare(connection, sql, parameters);
            await using (command.ConfigureAwait(false))
            {
                var result = new List<T>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(map(reader));
                    }
                }

                return result;
            }
        }
    }

    private static DbCommand Prepare(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return command;
    }
}
