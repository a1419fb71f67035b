using System.Text;
using GmConnect.Governance;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Repository;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Cli.Tests;

/// <summary><c>gmc retention sweep</c> against a SQLite store holding expired, current and held content.</summary>
public sealed class RetentionCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gmc-retention-");
    private string _connectionString = "";
    private string _expired = "", _held = "", _current = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connectionString = "Data Source=" + Path.Combine(_directory.FullName, "gmc.db");
        await using var provider = Services(Store.Open(_connectionString));
        await new MigrationRunner(provider.GetRequiredService<Store>(), provider.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync(Ct);
        var content = provider.GetRequiredService<ContentRepository>();
        // Born 1990, last active 2014, kept to the 25th birthday in 2015: long expired.
        _expired = await PublishAsync(content, "expired", "person-a", RetentionClasses.Until25thBirthday);
        _held = await PublishAsync(content, "held", "person-b", RetentionClasses.Until25thBirthday);
        _current = await PublishAsync(content, "current", "person-c", RetentionClasses.LookedAfter75Years);
        await content.SetLegalHoldAsync(_held, "inquiry order", new Actor("demo-ig-352", "dfe:352", "ig-officer"), Ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Sweep_DryRun_ListsWhatWouldGoAndChangesNothing()
    {
        var (exit, output, _) = await CliRunner.RunAsync("retention", "sweep", "--store", _connectionString, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("2 expired, 1 would be deleted, 1 kept on legal hold. Nothing was changed.", output, StringComparison.Ordinal);
        Assert.Contains("would delete Binary/" + _expired, output, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task Sweep_DeletesExpiredContentNotOnHold_AuditsIt_AndPrintsNoPersonalData()
    {
        var (exit, output, _) = await CliRunner.RunAsync("retention", "sweep", "--store", _connectionString);

        Assert.Equal(0, exit);
        Assert.Contains("2 expired, 1 deleted (each audited), 1 kept on legal hold.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("person-", output, StringComparison.Ordinal);
        await using var provider = Services(Store.Open(_connectionString));
        var content = provider.GetRequiredService<ContentRepository>();
        Assert.Null(await content.GetAsync(_expired, Ct));
        Assert.NotNull(await content.GetAsync(_held, Ct));
        Assert.NotNull(await content.GetAsync(_current, Ct));
        var audit = await provider.GetRequiredService<AuditTrail>().SearchAsync(new AuditQuery(PersonId: "person-a"), Ct);
        Assert.Single(audit, e => e.Record.EventType == AuditEventType.Deleted);
    }

    private static ServiceProvider Services(Store store) =>
        new ServiceCollection().AddSingleton(store).AddSingleton(TimeProvider.System).AddLogging().AddGovernance().AddRepository().BuildServiceProvider();

    private static async Task<string> PublishAsync(ContentRepository content, string text, string person, string retention)
    {
        var request = new PublishRequest(null, Encoding.UTF8.GetBytes(text), "text/plain", "dfe:352", "demo-sw-352", "child-in-need-plan", "child-in-need-plan",
            person, new DateOnly(1990, 6, 1), retention, LastActivity: new DateOnly(2014, 3, 1));
        return (await content.PublishAsync(request, Ct)).Version!.ContentId;
    }

    private async Task<long> CountAsync()
    {
        await using var store = Store.Open(_connectionString);
        await using var connection = await store.OpenConnectionAsync(Ct);
        return (long)(await connection.Command("SELECT COUNT(*) FROM repo_content").ExecuteScalarAsync(Ct))!;
    }
}
