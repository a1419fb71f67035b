using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GmConnect.Storage;

/// <summary>
/// Applies components' migrations in order, each in its own transaction, and records them in
/// <c>schema_migrations</c> with a checksum so that a migration edited after release is caught.
/// </summary>
public sealed class MigrationRunner
{
    // An arbitrary constant key for PostgreSQL's advisory lock: two hosts starting at once
    // must not both apply the same migration.
    private const long AdvisoryLockKey = 0x474D_436F_6E6E;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (component, version)
        )
        """;

    private readonly Store _store;
    private readonly IReadOnlyList<IMigrationSource> _sources;
    private readonly TimeProvider _time;

    public MigrationRunner(Store store, IEnumerable<IMigrationSource> sources, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _sources = [.. sources];
        _time = time;
        var duplicate = _sources.GroupBy(s => s.Component, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two migration sources claim the component '{duplicate.Key}'.", nameof(sources));
        }
    }

    /// <summary>Applies every pending migration; returns how many were applied.</summary>
    /// <exception cref="MigrationException">The history disagrees with the code.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await connection.Command(HistoryTable).ExecuteNonQueryAsync(cancellationToken);
        if (_store.Provider == StoreProvider.PostgreSql)
        {
            await connection.Command("SELECT pg_advisory_lock(@key)").With("key", AdvisoryLockKey).ExecuteScalarAsync(cancellationToken);
        }

        try
        {
            var applied = 0;
            foreach (var source in _sources)
            {
                applied += await MigrateAsync(connection, source, cancellationToken);
            }

            return applied;
        }
        finally
        {
            if (_store.Provider == StoreProvider.PostgreSql)
            {
                await connection.Command("SELECT pg_advisory_unlock(@key)").With("key", AdvisoryLockKey).ExecuteScalarAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>The schema status of every component, without changing anything.</summary>
    public async Task<IReadOnlyList<SchemaStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await connection.Command(HistoryTable).ExecuteNonQueryAsync(cancellationToken);
        var result = new List<SchemaStatus>();
        foreach (var source in _sources)
        {
            var history = await ReadHistoryAsync(connection, null, source.Component, cancellationToken);
            result.Add(new SchemaStatus(source.Component, history.Count == 0 ? 0 : history.Keys.Max(), source.Migrations.Count));
        }

        return result;
    }

    private async Task<int> MigrateAsync(DbConnection connection, IMigrationSource source, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var migration in source.Migrations)
        {
            var provider = _store.Provider;
            var sql = migration.SqlFor(provider);
            var checksum = Checksum(sql);
            // SQLite: BEGIN IMMEDIATE takes the write lock at once, so a second process waits
            // here and then sees the first one's row instead of applying the migration twice.
            await using var transaction = provider == StoreProvider.Sqlite
                ? await BeginImmediateAsync(connection, cancellationToken)
                : await connection.BeginTransactionAsync(cancellationToken);
            var history = await ReadHistoryAsync(connection, transaction, source.Component, cancellationToken);
            if (history.TryGetValue(migration.Version, out var recorded))
            {
                if (recorded != checksum)
                {
                    throw new MigrationException($"Migration {migration.Version:D4}_{migration.Name} of {source.Component} has changed since it was applied. Released migrations must not be edited; add a new one.");
                }

                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.Command(sql, transaction).ExecuteNonQueryAsync(cancellationToken);
            await connection.Command("INSERT INTO schema_migrations (component, version, name, checksum, applied_at) VALUES (@c, @v, @n, @s, @t)", transaction)
                .With("c", source.Component).With("v", migration.Version).With("n", migration.Name).With("s", checksum)
                .With("t", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))
                .ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied++;
        }

        var known = await ReadHistoryAsync(connection, null, source.Component, cancellationToken);
        var unknown = known.Keys.Where(v => v > source.Migrations.Count).ToList();
        if (unknown.Count > 0)
        {
            throw new MigrationException($"The database has {source.Component} migration {unknown.Max():D4}, newer than this code knows ({source.Migrations.Count:D4}). Run a newer GM Connect against this database.");
        }

        return applied;
    }

    private static ValueTask<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A non-deferred SQLite transaction takes the write lock at BEGIN.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(DbConnection connection, DbTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, string>();
        await using var command = connection.Command("SELECT version, checksum FROM schema_migrations WHERE component = @c", transaction).With("c", component);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return history;
    }

    private static string Checksum(string sql)
    {
        // Line endings must not change a checksum: a checkout on another OS is the same migration.
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
