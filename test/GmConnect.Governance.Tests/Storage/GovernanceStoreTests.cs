using GmConnect.Governance.Audit;
using GmConnect.Governance.Storage;
using GmConnect.Governance.Storage.Memory;
using GmConnect.Governance.Storage.Sql;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Governance.Tests.Storage;

/// <summary>The contract on SQLite.</summary>
public sealed class SqliteGovernanceStoreTests() : SqlGovernanceStoreContract(StoreProvider.Sqlite);

/// <summary>The contract on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresGovernanceStoreTests() : SqlGovernanceStoreContract(StoreProvider.PostgreSql);

/// <summary>The contract on a migrated SQL store; tampering goes straight to the tables.</summary>
public abstract class SqlGovernanceStoreContract(StoreProvider provider) : GovernanceStoreContract
{
    private TestStore _test = null!;

    public override async ValueTask InitializeAsync()
    {
        _test = await TestStore.CreateAsync(provider);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        (Stores?.Audit as IDisposable)?.Dispose();
        await _test.DisposeAsync();
        await base.DisposeAsync();
    }

    private protected override async Task<StoreSet> CreateAsync()
    {
        var store = _test.Store;
        await new MigrationRunner(store, [GovernanceMigrations.Source], new FakeTimeProvider()).MigrateAsync(TestContext.Current.CancellationToken);
        return new StoreSet(
            new SqlAuditStore(store), new SqlAgreementStore(store), new SqlDirectiveStore(store),
            new SqlBreakGlassStore(store), new SqlSubjectStore(store), new SqlRegistryStore(store));
    }

    [Fact]
    public async Task AuditStoreVerifier_TamperedStore_ReportsTheEntry()
    {
        for (var i = 1; i <= 4; i++)
        {
            await Stores.Audit.AppendAsync(Audit.AuditSamples.Record(i), Audit.AuditSamples.Start.AddSeconds(i), TestContext.Current.CancellationToken);
        }

        var intact = await AuditStoreVerifier.VerifyAsync(_test.Store, cancellationToken: TestContext.Current.CancellationToken);
        await TamperAsync(3, "outcome", "permit-forged");
        var broken = await AuditStoreVerifier.VerifyAsync(_test.Store, new AuditCheckpoint(4, intact.LastHash), TestContext.Current.CancellationToken);

        Assert.True(intact.IsIntact);
        Assert.Equal(4, intact.EntriesChecked);
        Assert.Equal((AuditProblem.Changed, 3L), (broken.Problem, broken.Sequence));
    }

    [Fact]
    public async Task AuditStoreVerifier_StoreWithoutGovernanceSchema_SaysSo()
    {
        await using var empty = await TestStore.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AuditStoreVerifier.VerifyAsync(empty.Store, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("no Governance schema", error.Message, StringComparison.Ordinal);
    }

    private protected override Task TamperAsync(long sequence, string column, object value) =>
        ExecuteAsync($"UPDATE gov_audit SET {column} = @value WHERE seq = @seq", ("value", value), ("seq", sequence));

    private protected override Task DeleteAsync(long sequence) =>
        ExecuteAsync("DELETE FROM gov_audit WHERE seq = @seq", ("seq", sequence));

    private protected override async Task SwapAsync(long first, long second)
    {
        // Through a free number, so the primary key holds at every step.
        await ExecuteAsync("UPDATE gov_audit SET seq = -1 WHERE seq = @a", ("a", first));
        await ExecuteAsync("UPDATE gov_audit SET seq = @a WHERE seq = @b", ("a", first), ("b", second));
        await ExecuteAsync("UPDATE gov_audit SET seq = @b WHERE seq = -1", ("b", second));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _test.Store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using (command)
        {
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
    }
}

/// <summary>The contract in memory; tampering edits the list.</summary>
public sealed class MemoryGovernanceStoreTests : GovernanceStoreContract
{
    private MemoryAuditStore _audit = null!;

    private protected override Task<StoreSet> CreateAsync()
    {
        _audit = new MemoryAuditStore();
        return Task.FromResult(new StoreSet(
            _audit, new MemoryAgreementStore(), new MemoryDirectiveStore(), new MemoryBreakGlassStore(), new MemorySubjectStore(), new MemoryRegistryStore()));
    }

    private protected override Task TamperAsync(long sequence, string column, object value)
    {
        var index = _audit.Entries.FindIndex(e => e.Sequence == sequence);
        var e = _audit.Entries[index];
        var text = value.ToString()!;
        _audit.Entries[index] = column switch
        {
            "outcome" => e with { Record = e.Record with { Outcome = text } },
            "practitioner_id" => e with { Record = e.Record with { PractitionerId = text } },
            "purpose" => e with { Record = e.Record with { Purpose = text } },
            "person_ids" => e with { Record = e.Record with { PersonIds = [] } },
            "resources" => e with { Record = e.Record with { Resources = [] } },
            "detail" => e with { Record = e.Record with { Detail = text } },
            "hash" => e with { Hash = text },
            "recorded_us" => e with { Recorded = AuditChain.FromUnixMicroseconds((long)value) },
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
        return Task.CompletedTask;
    }

    private protected override Task DeleteAsync(long sequence)
    {
        _audit.Entries.RemoveAll(e => e.Sequence == sequence);
        return Task.CompletedTask;
    }

    private protected override Task SwapAsync(long first, long second)
    {
        var a = _audit.Entries.FindIndex(e => e.Sequence == first);
        var b = _audit.Entries.FindIndex(e => e.Sequence == second);
        (_audit.Entries[a], _audit.Entries[b]) = (_audit.Entries[b] with { Sequence = first }, _audit.Entries[a] with { Sequence = second });
        return Task.CompletedTask;
    }
}
