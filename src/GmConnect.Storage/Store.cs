using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GmConnect.Storage;

/// <summary>
/// A handle on the exchange's database: SQLite (embedded) or PostgreSQL. Components open
/// connections from it and speak plain parameterised SQL; each component owns its tables
/// and their migrations (see <see cref="MigrationRunner"/>).
/// </summary>
/// <remarks>
/// We keep one store for every component rather than one per component: the exchange is
/// deployed as one database, and a component's tables are namespaced by its migrations.
/// </remarks>
public sealed class Store : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";

    private Store(StoreProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == StoreProvider.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(connectionString)
            {
                // Shared-cache off, pooling on: one writer at a time through WAL and a busy timeout.
                Pooling = true,
                DefaultTimeout = 30,
            };
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            _sqliteConnectionString = builder.ToString();
            Description = "SQLite " + builder.DataSource;
        }

        if (_postgres is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>Which database this is.</summary>
    public StoreProvider Provider { get; }

    /// <summary>A description for operators, without credentials.</summary>
    public string Description { get; } = "";

    /// <summary>Opens a store from its options.</summary>
    public static Store Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Store(DetectProvider(options.ConnectionString), options.ConnectionString);
    }

    /// <summary>Opens a store from a connection string.</summary>
    public static Store Open(string connectionString) => Open(new StoreOptions { ConnectionString = connectionString });

    /// <summary>Opens a new, configured connection. The caller disposes it.</summary>
    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite;
        // synchronous=NORMAL under WAL still survives a process crash (an accepted write is not lost).
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Chooses the provider from a connection string: one naming a Host is PostgreSQL.</summary>
    public static StoreProvider DetectProvider(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The store connection string cannot be parsed: {e.Message}", nameof(connectionString), e);
        }

        if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
        {
            return StoreProvider.PostgreSql;
        }

        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return StoreProvider.Sqlite;
        }

        throw new ArgumentException("The store connection string names neither a PostgreSQL Host nor a SQLite Data Source.", nameof(connectionString));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
