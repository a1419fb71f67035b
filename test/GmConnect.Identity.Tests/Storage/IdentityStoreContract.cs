using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Identity.Tests.Storage;

/// <summary>The index store's contract on SQLite.</summary>
public sealed class SqliteIdentityStoreTests() : IdentityStoreContract(StoreProvider.Sqlite);

/// <summary>The index store's contract on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresIdentityStoreTests() : IdentityStoreContract(StoreProvider.PostgreSql);

/// <summary>
/// What every store of the person index keeps: records exactly as received with every version, links with their
/// provenance, an append-only history in sequence, review tasks, cannot-link pairs and versioned models; and a
/// change that is not committed leaves nothing behind.
/// </summary>
public abstract class IdentityStoreContract(StoreProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 15, 30, TimeSpan.Zero);

    private TestStore _test = null!;

    private protected IdentityStore Store { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _test = await TestStore.CreateAsync(provider);
        await new MigrationRunner(_test.Store, [IdentityMigrations.Source], new FakeTimeProvider()).MigrateAsync(Ct);
        Store = new IdentityStore(_test.Store);
    }

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    internal static IdentityRecord Sample(string id, string family = "O'Brien-Núñez") => new()
    {
        Source = "gp:P84001",
        RecordId = id,
        NhsNumber = "943 476 5919",
        GivenName = "Siân",
        MiddleNames = "Mary Jane",
        FamilyName = family,
        Sex = "F",
        DateOfBirth = new DateOnly(2011, 2, 28),
        Postcode = "m13 9pl",
        Address = "1 Oxford Road, \"Flat 2\"",
        Phone = "0161 000 0000",
        Email = "x@example.org",
        RecordedOn = new DateOnly(2026, 1, 5),
    };

    [Fact]
    public async Task Versions_TwoReceipts_BothKeptExactlyAsReceived()
    {
        var first = Sample("r1");
        var second = first with { FamilyName = "Smith", Postcode = null };
        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.AppendVersionAsync(first, 1, T0, Ct);
            await tx.AppendVersionAsync(second, 2, T0.AddSeconds(1), Ct);
            await tx.CommitAsync(Ct);
        }

        var versions = await Store.VersionsAsync(first.Key, Ct);

        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(first, versions[0].Record);
        Assert.Equal(second, versions[1].Record);
        Assert.Equal(T0.AddSeconds(1), versions[1].ReceivedAt);
        Assert.NotEqual(versions[0].ContentHash, versions[1].ContentHash);
    }

    [Fact]
    public async Task ReadAllRecords_PreparedFormStoredOrNot_ReadBackByteForByteOrNull()
    {
        byte[] form = [1, 0, 255, 7, 128, 0, 42];
        await using (var tx = await Store.BeginAsync(Ct))
        {
            foreach (var (id, prepared, order) in new[] { ("with", form, 1L), ("without", null, 2L) })
            {
                var record = Sample(id);
                var document = RecordDocument.ToJson(record);
                await tx.AppendVersionAsync(record, 1, document, RecordDocument.Hash(document), T0, Ct, prepared);
                await tx.InsertPersonAsync("P-" + id, T0, Ct);
                await tx.PutRecordAsync(record.Key, 1, new StoredLink("P-" + id, new LinkProvenance(LinkMethod.Founding, null, null, "matcher", T0), order), Ct);
            }

            await tx.CommitAsync(Ct);
        }

        var all = new List<StoredIndexRow>();
        await foreach (var record in Store.ReadAllRecordsAsync(cancellationToken: Ct))
        {
            all.Add(record);
        }

        Assert.Equal(["with", "without"], all.Select(r => r.Record.RecordId));
        Assert.Equal(form, all[0].Prepared);
        Assert.Null(all[1].Prepared);
        Assert.Equal(Sample("with"), all[0].Record);
        Assert.Equal(RecordDocument.ToJson(Sample("with")), System.Text.Encoding.UTF8.GetString(all[0].Document.Span));
    }

    [Fact]
    public async Task Versions_SameVersionTwice_Refused()
    {
        await using var tx = await Store.BeginAsync(Ct);
        await tx.AppendVersionAsync(Sample("r1"), 1, T0, Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => tx.AppendVersionAsync(Sample("r1", "Other"), 1, T0, Ct));
    }

    [Fact]
    public async Task PutRecord_ThenRelink_ReturnsCurrentVersionAndLatestLink()
    {
        var record = Sample("r1");
        var founding = new StoredLink("P-1", new LinkProvenance(LinkMethod.Founding, null, null, null, T0), 1);
        var manual = new StoredLink("P-2", new LinkProvenance(LinkMethod.Manual, null, null, "steward-1", T0.AddMinutes(1)), 7);
        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.InsertPersonAsync("P-1", T0, Ct);
            await tx.InsertPersonAsync("P-2", T0, Ct);
            await tx.AppendVersionAsync(record, 1, T0, Ct);
            await tx.PutRecordAsync(record.Key, 1, founding, Ct);
            await tx.CommitAsync(Ct);
        }

        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.PutRecordAsync(record.Key, 1, manual, Ct);
            await tx.CommitAsync(Ct);
        }

        var stored = await Store.GetRecordAsync(record.Key, Ct);

        Assert.NotNull(stored);
        Assert.Equal(record, stored.Record);
        Assert.Equal(manual, stored.Link);
        Assert.Single(await Store.RecordsOfPersonAsync("P-2", Ct));
        Assert.Empty(await Store.RecordsOfPersonAsync("P-1", Ct));
    }

    [Fact]
    public async Task PutRecord_AutomaticLink_KeepsScoreAndModelVersion()
    {
        var record = Sample("r1");
        var link = new StoredLink("P-1", new LinkProvenance(LinkMethod.Automatic, 0.99734512345, "3", "matcher", T0), 1);
        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.InsertPersonAsync("P-1", T0, Ct);
            await tx.AppendVersionAsync(record, 1, T0, Ct);
            await tx.PutRecordAsync(record.Key, 1, link, Ct);
            await tx.CommitAsync(Ct);
        }

        var all = new List<StoredIndexRow>();
        await foreach (var r in Store.ReadAllRecordsAsync(cancellationToken: Ct))
        {
            all.Add(r);
        }

        Assert.Equal(link, Assert.Single(all).Link);
    }

    [Fact]
    public async Task Transaction_NotCommitted_LeavesNothing()
    {
        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.InsertPersonAsync("P-1", T0, Ct);
            await tx.AppendVersionAsync(Sample("r1"), 1, T0, Ct);
            await tx.AppendHistoryAsync(HistoryKind.PersonCreated, "P-1", null, null, "matcher", null, T0, Ct);
        }

        Assert.Null(await Store.GetPersonAsync("P-1", Ct));
        Assert.Empty(await Store.VersionsAsync(new SourceRecordKey("gp:P84001", "r1"), Ct));
        Assert.Empty(await Store.HistoryAsync("P-1", Ct));
    }

    [Fact]
    public async Task History_AcrossTransactions_SequencedAndFoundFromEitherPerson()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var tx = await Store.BeginAsync(Ct);
            await tx.AppendHistoryAsync(HistoryKind.Link, "P-1", null, new SourceRecordKey("s", "r" + i), "matcher", "0.995", T0.AddSeconds(i), Ct);
            await tx.CommitAsync(Ct);
        }

        HistoryEntry merge;
        await using (var tx = await Store.BeginAsync(Ct))
        {
            merge = await tx.AppendHistoryAsync(HistoryKind.Merge, "P-2", "P-1", null, "steward-1", "same twin", T0.AddMinutes(1), Ct, detail: "{\"moved\":[]}");
            await tx.AppendHistoryAsync(HistoryKind.Unmerge, "P-2", "P-1", null, "steward-2", "not the same", T0.AddMinutes(2), Ct, undoes: merge.Sequence);
            await tx.CommitAsync(Ct);
        }

        var ofP1 = await Store.HistoryAsync("P-1", Ct);
        var undo = await Store.UndoneByAsync(merge.Sequence, Ct);
        var stored = await Store.HistoryEntryAsync(merge.Sequence, Ct);

        Assert.Equal([1L, 2, 3, 4, 5], ofP1.Select(h => h.Entry.Sequence));
        Assert.Equal(HistoryKind.Merge, ofP1[3].Entry.Kind);
        Assert.Equal(new SourceRecordKey("s", "r1"), ofP1[1].Entry.Record);
        Assert.Equal(merge, stored!.Entry);
        Assert.Equal("{\"moved\":[]}", stored.Detail);
        Assert.Equal(5, undo!.Entry.Sequence);
        Assert.Empty(await Store.HistoryAsync("P-3", Ct));
    }

    [Fact]
    public async Task Person_MergedThenRestored_MergedIntoFollows()
    {
        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.InsertPersonAsync("P-1", T0, Ct);
            await tx.InsertPersonAsync("P-2", T0, Ct);
            await tx.SetMergedIntoAsync("P-2", "P-1", Ct);
            await tx.CommitAsync(Ct);
        }

        Assert.Equal("P-1", (await Store.GetPersonAsync("P-2", Ct))!.MergedInto);

        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.SetMergedIntoAsync("P-2", null, Ct);
            await tx.CommitAsync(Ct);
        }

        Assert.Null((await Store.GetPersonAsync("P-2", Ct))!.MergedInto);
        Assert.Equal(2, (await Store.PersonsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Reviews_OpenedThenDecided_ListedByStatusOldestFirst()
    {
        var a = new SourceRecordKey("gp:1", "a");
        var b = new SourceRecordKey("police:gmp", "b");
        var c = new SourceRecordKey("dwp", "c");
        long first, second;
        await using (var tx = await Store.BeginAsync(Ct))
        {
            first = await tx.InsertReviewAsync(a, b, 0.9, "{\"match_weight\":3.2}", T0, Ct);
            second = await tx.InsertReviewAsync(c, b, 0.85, "{}", T0.AddSeconds(1), Ct);
            await tx.CommitAsync(Ct);
        }

        await using (var tx = await Store.BeginAsync(Ct))
        {
            await tx.CloseReviewAsync(first, ReviewStatus.Decided, ReviewDecision.NotSamePerson, "steward-1", T0.AddHours(1), "different mothers", Ct);
            await tx.CommitAsync(Ct);
        }

        var open = await Store.ReviewsAsync(ReviewStatus.Open, 10, Ct);
        var decided = await Store.ReviewAsync(first, Ct);

        Assert.Equal([second], open.Select(r => r.Id));
        Assert.Equal(new StoredReview(first, a, b, 0.9, "{\"match_weight\":3.2}", T0, ReviewStatus.Decided, ReviewDecision.NotSamePerson, "steward-1", T0.AddHours(1), "different mothers"), decided);
        Assert.Equal([second], (await Store.OpenReviewsOfAsync(b, Ct)).Select(r => r.Id));
        Assert.Empty(await Store.OpenReviewsOfAsync(a, Ct));
    }

    [Fact]
    public async Task CannotLink_SoftThenHard_HardWinsAndNeverWeakens()
    {
        var a = new SourceRecordKey("gp:1", "a");
        var b = new SourceRecordKey("police:gmp", "b");
        foreach (var hard in new[] { false, true, false })
        {
            await using var tx = await Store.BeginAsync(Ct);
            await tx.AddCannotLinkAsync(new StoredCannotLink(hard ? a : b, hard ? b : a, hard, "steward-1", "why", T0), Ct);
            await tx.CommitAsync(Ct);
        }

        var pair = Assert.Single(await Store.CannotLinksAsync(Ct));
        Assert.True(pair.Hard);
        Assert.Equal([a, b], new[] { pair.A, pair.B }.Order(Comparer<SourceRecordKey>.Create((x, y) => string.CompareOrdinal(x.ToString(), y.ToString()))));
    }

    [Fact]
    public async Task Models_SavedTwice_LatestIsTheSecondVersion()
    {
        Assert.Null(await Store.LatestModelAsync(Ct));
        await using (var tx = await Store.BeginAsync(Ct))
        {
            Assert.Equal(1, await tx.SaveModelAsync("batch", 100, "{\"a\":1}", T0, Ct));
            await tx.CommitAsync(Ct);
        }

        await using (var tx = await Store.BeginAsync(Ct))
        {
            Assert.Equal(2, await tx.SaveModelAsync("trained", 200, "{\"a\":2}", T0.AddDays(1), Ct));
            await tx.CommitAsync(Ct);
        }

        Assert.Equal(new StoredModel(2, "trained", 200, "{\"a\":2}", T0.AddDays(1)), await Store.LatestModelAsync(Ct));
    }
}
