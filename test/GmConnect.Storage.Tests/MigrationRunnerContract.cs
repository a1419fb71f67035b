using GmConnect.Storage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Storage.Tests;

/// <summary>The migration runner's contract, run against every store.</summary>
public abstract class MigrationRunnerContract(StoreProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private TestStore _test = null!;

    private Store Store => _test.Store;

    public async ValueTask InitializeAsync() => _test = await TestStore.CreateAsync(provider);

    public ValueTask DisposeAsync() => _test.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_FreshStore_AppliesEveryMigrationAndReportsCurrent()
    {
        var runner = new MigrationRunner(Store, [Source("alpha", Create("a_one"), Create("a_two")), Source("beta", Create("b_one"))], _time);

        var applied = await runner.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, applied);
        var status = await runner.StatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal([new SchemaStatus("alpha", 2, 2), new SchemaStatus("beta", 1, 1)], status);
        Assert.Equal(0, await CountAsync("a_two"));
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing()
    {
        var sources = new[] { Source("alpha", Create("a_one")) };
        await new MigrationRunner(Store, sources, _time).MigrateAsync(TestContext.Current.CancellationToken);

        var again = await new MigrationRunner(Store, sources, _time).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, again);
    }

    [Fact]
    public async Task MigrateAsync_NewMigrationAdded_AppliesOnlyTheNewOne()
    {
        await new MigrationRunner(Store, [Source("alpha", Create("a_one"))], _time).MigrateAsync(TestContext.Current.CancellationToken);

        var runner = new MigrationRunner(Store, [Source("alpha", Create("a_one"), Create("a_two"))], _time);
        Assert.Equal([new SchemaStatus("alpha", 1, 2)], await runner.StatusAsync(TestContext.Current.CancellationToken));
        var applied = await runner.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, applied);
        Assert.Equal([new SchemaStatus("alpha", 2, 2)], await runner.StatusAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_AppliedMigrationEdited_ThrowsAndNamesIt()
    {
        await new MigrationRunner(Store, [Source("alpha", Create("a_one"))], _time).MigrateAsync(TestContext.Current.CancellationToken);

        var edited = new MigrationRunner(Store, [Source("alpha", Create("a_one", extraColumn: true))], _time);

        var error = await Assert.ThrowsAsync<MigrationException>(() => edited.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("0001_m1 of alpha has changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseNewerThanCode_Throws()
    {
        await new MigrationRunner(Store, [Source("alpha", Create("a_one"), Create("a_two"))], _time).MigrateAsync(TestContext.Current.CancellationToken);

        var older = new MigrationRunner(Store, [Source("alpha", Create("a_one"))], _time);

        var error = await Assert.ThrowsAsync<MigrationException>(() => older.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("newer than this code knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FailingMigration_LeavesNoTraceOfIt()
    {
        var broken = new Migration(2, "m2", "CREATE TABLE half (id INTEGER); SELECT no_such_function();", "CREATE TABLE half (id INTEGER); SELECT no_such_function();");
        var runner = new MigrationRunner(Store, [new ListSource("alpha", [Create("a_one") with { Version = 1, Name = "m1" }, broken])], _time);

        await Assert.ThrowsAnyAsync<Exception>(() => runner.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Equal([new SchemaStatus("alpha", 1, 2)], await runner.StatusAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => CountAsync("half"));
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return Convert.ToInt64(await connection.Command($"SELECT COUNT(*) FROM {table}").ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Migration Create(string table, bool extraColumn = false)
    {
        var sql = $"CREATE TABLE {table} (id INTEGER PRIMARY KEY, label TEXT NOT NULL{(extraColumn ? ", extra TEXT" : "")})";
        return new Migration(0, "", sql, sql);
    }

    private static ListSource Source(string component, params Migration[] migrations) =>
        new(component, [.. migrations.Select((m, i) => m with { Version = i + 1, Name = $"m{i + 1}" })]);

    private sealed record ListSource(string Component, IReadOnlyList<Migration> Migrations) : IMigrationSource;
}

public sealed class MigrationRunnerSqliteTests() : MigrationRunnerContract(StoreProvider.Sqlite);

public sealed class MigrationRunnerPostgresTests() : MigrationRunnerContract(StoreProvider.PostgreSql);
