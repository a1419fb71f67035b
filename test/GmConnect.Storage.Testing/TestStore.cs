using Xunit;
using Npgsql;

namespace GmConnect.Storage.Testing;

/// <summary>
/// A fresh, empty store for one test class: a SQLite file in a temporary folder, or a new
/// PostgreSQL schema in the database named by <c>GMC_TEST_POSTGRES</c>. Disposing removes it.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    /// <summary>The environment variable holding the PostgreSQL connection string for tests.</summary>
    public const string PostgresVariable = "GMC_TEST_POSTGRES";

    private readonly Func<ValueTask> _cleanup;

    private TestStore(Store store, Func<ValueTask> cleanup)
    {
        Store = store;
        _cleanup = cleanup;
    }

    /// <summary>The store under test.</summary>
    public Store Store { get; }

    /// <summary>The connection string of the store under test (for code that opens its own).</summary>
    public string ConnectionString { get; private init; } = "";

    /// <summary>Creates a store of the given provider.</summary>
    public static Task<TestStore> CreateAsync(StoreProvider provider) =>
        provider == StoreProvider.PostgreSql ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    /// <summary>A new SQLite file in a temporary folder.</summary>
    public static TestStore CreateSqlite()
    {
        var directory = Directory.CreateTempSubdirectory("gmc-test-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "test.db")}";
        var store = Store.Open(connectionString);
        return new TestStore(store, async () =>
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        })
        { ConnectionString = connectionString };
    }

    /// <summary>
    /// A new schema in the PostgreSQL database named by <c>GMC_TEST_POSTGRES</c>. When the variable
    /// is unset the test is skipped with the reason — except under CI (<c>CI=true</c>), where a
    /// missing database fails the test, so that CI cannot pass without running them.
    /// </summary>
    public static async Task<TestStore> CreatePostgresAsync()
    {
        var baseConnectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(baseConnectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{PostgresVariable} is not set, and CI=true: the PostgreSQL contract tests must run in CI.");
            }

            Assert.Skip($"PostgreSQL tests skipped: set {PostgresVariable} to a connection string (e.g. 'Host=127.0.0.1;Username=gmc;Password=gmc;Database=gmc') to run them.");
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(baseConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { SearchPath = schema }.ToString();
        var store = Store.Open(connectionString);
        return new TestStore(store, async () =>
        {
            await store.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(baseConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        })
        { ConnectionString = connectionString };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _cleanup();
}
