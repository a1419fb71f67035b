using System.Data.Common;

namespace GmConnect.Integration.Storage;

/// <summary>
/// Writes many parameterised statements inside one transaction as fast as the provider allows:
/// as one batch (one round trip) where the provider supports <see cref="DbBatch"/> (PostgreSQL),
/// else statement by statement with each distinct SQL text prepared once and reused (SQLite,
/// which runs in-process and needs no round trips).
/// </summary>
internal sealed class SqlWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly DbBatch? _batch = connection.CanCreateBatch ? CreateBatch(connection, transaction) : null;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>Adds (or runs) one statement; values bind to <c>@name</c> parameters.</summary>
    public async Task WriteAsync(string sql, IReadOnlyList<(string Name, object? Value)> values, CancellationToken cancellationToken)
    {
        if (_batch is not null)
        {
            var command = _batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in values)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            _batch.BatchCommands.Add(command);
            return;
        }

        if (!_prepared.TryGetValue(sql, out var prepared))
        {
            prepared = connection.CreateCommand();
            prepared.CommandText = sql;
            prepared.Transaction = transaction;
            foreach (var (name, _) in values)
            {
                var parameter = prepared.CreateParameter();
                // With its prefix: Microsoft.Data.Sqlite looks a bare name up in the statement, fails, then tries '@'
                // — two lookups and a string per parameter per row, about a third of a CSV import's CPU.
                parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
                prepared.Parameters.Add(parameter);
            }

            _prepared[sql] = prepared;
        }

        for (var i = 0; i < values.Count; i++)
        {
            prepared.Parameters[i].Value = values[i].Value ?? DBNull.Value;
        }

        await prepared.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends what is batched; a no-op where statements ran as they came.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
            _batch.BatchCommands.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }

        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }
    }

    private static DbBatch CreateBatch(DbConnection connection, DbTransaction transaction)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
