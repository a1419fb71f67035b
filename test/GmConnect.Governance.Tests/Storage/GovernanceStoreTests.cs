using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
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
    public async Task Audit_ManyConcurrentAppends_EachCallerIsToldTheEntryThatWasStored()
    {
        // More callers than one group holds (SqlAuditStore.MaxGroup), all at once: every caller gets its own entry,
        // the sequence has no gap or repeat, and each answer is exactly the stored row.
        var count = SqlAuditStore.MaxGroup + 44;
        var told = await Task.WhenAll(Enumerable.Range(1, count).Select(i => Task.Run(() => Stores.Audit.AppendAsync(
            Audit.AuditSamples.Record(i, person: "person-" + (i % 7)), Audit.AuditSamples.Start.AddSeconds(i), TestContext.Current.CancellationToken))));

        var stored = new List<AuditEntry>();
        await foreach (var entry in Stores.Audit.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            stored.Add(entry);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), told.Select(e => e.Sequence).Order());
        Assert.Equal(Enumerable.Range(1, count).Select(i => "req-" + i).Order(StringComparer.Ordinal), told.Select(e => e.Record.RequestId!).Order(StringComparer.Ordinal));
        Assert.Equal(told.OrderBy(e => e.Sequence).Select(e => (e.Sequence, e.Hash, e.Record.RequestId)), stored.Select(e => (e.Sequence, e.Hash, e.Record.RequestId)));
        Assert.True((await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken)).IsIntact);
        var ofPerson3 = await Stores.Audit.SearchAsync(new AuditQuery(PersonId: "person-3", Limit: count), TestContext.Current.CancellationToken);
        Assert.Equal(told.Where(e => e.Record.PersonIds.Contains("person-3")).Select(e => e.Sequence).Order(), ofPerson3.Select(e => e.Sequence).Order());
    }

    [Fact]
    public async Task Audit_GroupThatCannotBeWritten_FailsEveryCallerAndStoresNoneOfIt()
    {
        await Stores.Audit.AppendAsync(Audit.AuditSamples.Record(1), Audit.AuditSamples.Start, TestContext.Current.CancellationToken);
        // The person index gone behind the store's back: the group's statement fails, so its transaction rolls back.
        await ExecuteAsync("ALTER TABLE gov_audit_person RENAME TO gov_audit_person_away");
        var attempts = Enumerable.Range(2, 20).Select(i => Stores.Audit.AppendAsync(
            Audit.AuditSamples.Record(i), Audit.AuditSamples.Start.AddSeconds(i), TestContext.Current.CancellationToken)).ToList();
        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => attempt);
        }

        await ExecuteAsync("ALTER TABLE gov_audit_person_away RENAME TO gov_audit_person");
        var after = await Stores.Audit.AppendAsync(Audit.AuditSamples.Record(99), Audit.AuditSamples.Start.AddMinutes(1), TestContext.Current.CancellationToken);

        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.IsIntact, result.Describe());
        Assert.Equal(2, result.EntriesChecked);
        Assert.Equal(2, after.Sequence);
    }

    [Fact]
    public async Task Audit_EntryNamingManyPersons_IsFoundByEachOfThem()
    {
        var persons = Enumerable.Range(0, 1200).Select(i => "bulk-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var entry = await Stores.Audit.AppendAsync(
            Audit.AuditSamples.Record(1) with { PersonIds = persons }, Audit.AuditSamples.Start, TestContext.Current.CancellationToken);

        Assert.Equal([entry.Sequence], (await Stores.Audit.SearchAsync(new AuditQuery(PersonId: "bulk-0"), TestContext.Current.CancellationToken)).Select(e => e.Sequence));
        Assert.Equal([entry.Sequence], (await Stores.Audit.SearchAsync(new AuditQuery(PersonId: "bulk-1199"), TestContext.Current.CancellationToken)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task SubjectPolicyReader_OneRoundTrip_ReadsWhatTheStoresHold()
    {
        var ct = TestContext.Current.CancellationToken;
        var at = Audit.AuditSamples.Start;
        await Stores.Subjects.SetLabelsAsync("p1", SensitivityLabels.ProtectedAddress, ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p1", "ods:R0A", new DateOnly(2026, 1, 1)), ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p1", "dfe:352", new DateOnly(2025, 5, 1), new DateOnly(2025, 12, 31)), ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p2", "police:06", new DateOnly(2025, 5, 1)), ct);
        await Stores.Directives.AddAsync(new ConsentDirective("d1", "p1", DirectiveKind.Objection, "police-incident", null, null, at, "dpo"), ct);
        await Stores.Directives.AddAsync(new ConsentDirective("d2", "p1", DirectiveKind.NationalDataOptOut, null, Purpose.SecondaryUse, null, at.AddHours(1), "dpo"), ct);
        await Stores.BreakGlass.AddAsync(new BreakGlassSession("bg-1", "clin-trust", "ods:R0A", "clinician", Purpose.DirectCare, "p1",
            BreakGlassJustification.ChildAtRisk, "Child brought in unconscious", at, at.AddHours(4)), ct);
        var byStore = new SubjectPolicyLoader(Stores.Directives, Stores.Subjects, Stores.BreakGlass);
        var reader = new SqlSubjectPolicyReader(_test.Store);

        foreach (var person in new[] { "p1", "p2", "nobody" })
        {
            var expected = await byStore.LoadAsync(person, ct);
            var read = await reader.LoadAsync(person, ct);
            Assert.Equal(expected.PersonId, read.PersonId);
            Assert.Equal(expected.Sensitivity, read.Sensitivity);
            Assert.Equal(expected.Directives, read.Directives);
            Assert.Equal(expected.Involvements, read.Involvements);
            Assert.Equal(expected.BreakGlassSessions, read.BreakGlassSessions);
        }

        Assert.Equal(2, (await reader.LoadAsync("p1", ct)).Directives.Count);
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
        var ddl = sql.StartsWith("ALTER", StringComparison.Ordinal);
        await using var connection = await _test.Store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using (command)
        {
            var changed = await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            if (!ddl)
            {
                Assert.Equal(1, changed);
            }
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
