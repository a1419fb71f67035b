using System.Collections.Concurrent;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>
/// The Identity Manager logs no personal data at any level, debug included: matching, a batch and a steward's merge
/// and unmerge leave no name, date of birth, NHS number, record id or person id in any log line.
/// </summary>
public sealed class NoPersonalDataInLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitBatchMergeUnmerge_EveryLevel_NoIdentifierOrDemographicLogged()
    {
        var logger = new CapturingLogger();
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new MigrationRunner(store.Store, [IdentityMigrations.Source], new FakeTimeProvider()).MigrateAsync(Ct);
        using var manager = new IdentityManager(store.Store, new IdentityManagerOptions(), new FakeTimeProvider(DateTimeOffset.UnixEpoch), logger);
        await manager.InitializeAsync(Ct);

        var amelia = TestPeople.Amelia();
        var a = await manager.SubmitAsync(amelia, Ct);
        var others = await manager.SubmitBatchAsync([TestPeople.Stranger(1), TestPeople.Stranger(2) with { NhsNumber = null }], Ct);
        var merge = await manager.MergeAsync(others[0].PersonId, others[1].PersonId, new StewardAction("steward-42", "checked"), Ct);
        await manager.UnmergeAsync(merge.Sequence, new StewardAction("steward-42", "not the same"), Ct);

        Assert.NotEmpty(logger.Lines);
        string[] secrets =
        [
            amelia.GivenName!, amelia.FamilyName!, amelia.NhsNumber!, "2012-03-14", "14/03/2012", amelia.RecordId, amelia.Postcode!,
            a.PersonId, others[0].PersonId, others[1].PersonId, TestPeople.Stranger(1).NhsNumber!, TestPeople.Stranger(1).RecordId,
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logger.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class CapturingLogger : ILogger<IdentityManager>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
