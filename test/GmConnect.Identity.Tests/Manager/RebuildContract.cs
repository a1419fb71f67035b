using GmConnect.Identity.Manager;
using GmConnect.Storage;
using GmConnect.Storage.Testing;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>The rebuild from stored prepared forms, on SQLite.</summary>
public sealed class SqliteRebuildTests() : RebuildContract(StoreProvider.Sqlite);

/// <summary>The rebuild from stored prepared forms, on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresRebuildTests() : RebuildContract(StoreProvider.PostgreSql);

/// <summary>
/// Start-up rebuilds the in-memory index from the store, taking each record's prepared form (blocking keys and
/// normalised values, migration 0003) instead of preparing the record again. Whatever it takes from the store, the
/// index must be exactly the one that preparing every record from scratch gives.
/// </summary>
public abstract class RebuildContract(StoreProvider provider)
{
    private static readonly StewardAction Steward = new("steward-3", "rebuild test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuild_EveryFormStored_RestoresAllAndEqualsPreparingFromScratch()
    {
        await using var index = await FilledAsync();

        var restored = await index.ReopenAsync();
        var fromStore = restored.IndexSnapshot();
        var scratch = await FromScratchAsync(index);

        Assert.Equal((index.Manager.RecordCount, 0), restored.LastRebuild);
        Assert.Equal(scratch, fromStore);
    }

    [Fact]
    public async Task Rebuild_RowsStoredBeforeTheMigration_PreparedAsBeforeAndIndexUnchanged()
    {
        await using var index = await FilledAsync();
        var total = index.Manager.RecordCount;
        await ExecuteAsync(index, "UPDATE idm_record_version SET prepared = NULL WHERE record_id LIKE '%1%'");
        var cleared = (int)await ScalarAsync(index, "SELECT COUNT(*) FROM idm_record WHERE record_id LIKE '%1%'");

        var rebuilt = await index.ReopenAsync();

        Assert.InRange(cleared, 1, total - 1);
        Assert.Equal((total - cleared, cleared), rebuilt.LastRebuild);
        Assert.Equal(await FromScratchAsync(index), rebuilt.IndexSnapshot());
    }

    [Fact]
    public async Task Rebuild_RowsWithoutForm_FormsStoredForTheNextStartUp()
    {
        await using var index = await FilledAsync();
        await ExecuteAsync(index, "UPDATE idm_record_version SET prepared = NULL");

        var first = (await index.ReopenAsync()).LastRebuild;
        var second = await index.ReopenAsync();

        Assert.Equal((0, index.Manager.RecordCount), first);
        Assert.Equal((index.Manager.RecordCount, 0), second.LastRebuild);
        Assert.Equal(await FromScratchAsync(index), second.IndexSnapshot());
    }

    [Fact]
    public async Task Rebuild_FormsMadeWithOtherSettings_PreparedAfresh()
    {
        await using var index = await FilledAsync();
        var total = index.Manager.RecordCount;

        // Byte 1 starts the settings fingerprint: a form made under other settings is not used.
        var changed = await ExecuteAsync(index, provider == StoreProvider.Sqlite
            ? "UPDATE idm_record_version SET prepared = substr(prepared, 1, 1) || x'00000000' || substr(prepared, 6)"
            : "UPDATE idm_record_version SET prepared = overlay(prepared placing '\\x00000000'::bytea from 2 for 4)");
        var rebuilt = await index.ReopenAsync();

        Assert.True(changed >= total);
        Assert.Equal((0, total), rebuilt.LastRebuild);
        Assert.Equal(await FromScratchAsync(index), rebuilt.IndexSnapshot());
        Assert.Equal((total, 0), (await index.ReopenAsync()).LastRebuild);
    }

    [Fact]
    public async Task Rebuild_StoredFormDisagreesWithItsRecord_EverythingPreparedAfresh()
    {
        await using var index = await FilledAsync();
        var total = index.Manager.RecordCount;

        // The first record in link order (always sampled) carries another record's form, as if other code had made it.
        await ExecuteAsync(index, """
            UPDATE idm_record_version SET prepared = (SELECT v.prepared FROM idm_record_version v WHERE v.record_id = 's7' AND v.version = 1)
            WHERE record_id = (SELECT record_id FROM idm_record ORDER BY link_order LIMIT 1)
            """);
        var rebuilt = await index.ReopenAsync();

        Assert.Equal((0, total), rebuilt.LastRebuild);
        Assert.Equal(await FromScratchAsync(index), rebuilt.IndexSnapshot());
        Assert.Equal((total, 0), (await index.ReopenAsync()).LastRebuild);
    }

    /// <summary>Strangers, one person from several sources, a changed record, a steward's link, a merge, a cannot-link and a batch.</summary>
    private async Task<TestIndex> FilledAsync()
    {
        var index = await TestIndex.CreateAsync(provider);
        var manager = index.Manager;
        await index.AddStrangersAsync(30);
        var gp = await manager.SubmitAsync(TestPeople.Amelia(), Ct);
        await manager.SubmitAsync(TestPeople.Amelia("school:352", "u1") with { NhsNumber = null, Postcode = "M13 9PL", Phone = null }, Ct);
        await manager.SubmitAsync(TestPeople.Amelia("police:gmp", "p1") with { GivenName = "Amy", MiddleNames = null }, Ct);
        await manager.SubmitAsync(TestPeople.Amelia() with { Phone = "07700 900999" }, Ct);
        await manager.SubmitAsync(TestPeople.Stranger(3) with { Postcode = "OL4 9ZZ", FamilyName = "Ünsal-Smythe" }, Ct);
        var loner = await manager.SubmitAsync(TestPeople.Stranger(40) with { NhsNumber = null }, Ct);
        await manager.LinkAsync(loner.Key, gp.PersonId, Steward, Ct);
        await manager.UnlinkAsync(loner.Key, Steward, Ct);
        var a = await manager.SubmitAsync(TestPeople.Stranger(41) with { NhsNumber = null }, Ct);
        var b = await manager.SubmitAsync(TestPeople.Stranger(42) with { NhsNumber = null }, Ct);
        await manager.MergeAsync(a.PersonId, b.PersonId, Steward, Ct);
        await manager.SubmitBatchAsync([TestPeople.Stranger(43), TestPeople.Stranger(43) with { Source = "la:352:socialcare", RecordId = "c43" }, TestPeople.Stranger(5) with { Phone = "0161 496 0005" }], Ct);
        return index;
    }

    /// <summary>The snapshot of a manager over the same store that prepares every record from scratch.</summary>
    private static async Task<List<string>> FromScratchAsync(TestIndex index)
    {
        using var scratch = new IdentityManager(index.Store.Store, index.Options, index.Time) { IgnorePreparedForms = true };
        await scratch.InitializeAsync(Ct);
        Assert.Equal((0, scratch.RecordCount), scratch.LastRebuild);
        return scratch.IndexSnapshot();
    }

    private static async Task<long> ScalarAsync(TestIndex index, string sql)
    {
        await using var connection = await index.Store.Store.OpenConnectionAsync(Ct);
        await using var command = connection.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(TestIndex index, string sql)
    {
        await using var connection = await index.Store.Store.OpenConnectionAsync(Ct);
        await using var command = connection.Command(sql);
        return await command.ExecuteNonQueryAsync(Ct);
    }
}
