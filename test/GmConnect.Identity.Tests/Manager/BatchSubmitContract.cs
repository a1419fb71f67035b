using GmConnect.Identity.Manager;
using GmConnect.Storage;
using GmConnect.Storage.Testing;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>Batches of records in one transaction, on SQLite.</summary>
public sealed class SqliteBatchSubmitTests() : BatchSubmitContract(StoreProvider.Sqlite)
{
    [Fact]
    public async Task SubmitBatch_StoreRefusesARecordMidBatch_NothingOfTheBatchStoredOrIndexed()
    {
        await using var index = await TestIndex.CreateAsync(StoreProvider.Sqlite);
        await index.AddStrangersAsync(5);
        await using (var connection = await index.Store.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.Command(
                "CREATE TRIGGER refuse BEFORE INSERT ON idm_record_version WHEN NEW.record_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END");
            await command.ExecuteNonQueryAsync(Ct);
        }

        var batch = new[] { TestPeople.Amelia(), TestPeople.Stranger(1) with { Phone = "0161 496 0000" }, TestPeople.Stranger(30) with { RecordId = "refused" } };
        await Assert.ThrowsAnyAsync<Exception>(() => index.Manager.SubmitBatchAsync(batch, Ct));

        // The next call sees the store as it is: without any record of the failed batch, the changed one unchanged.
        Assert.Null(await index.Manager.GetRecordAsync(TestPeople.Amelia().Key, Ct));
        Assert.Equal(1, (await index.Manager.GetRecordAsync(TestPeople.Stranger(1).Key, Ct))!.Version);
        Assert.Equal(5, index.Manager.RecordCount);
    }
}

/// <summary>Batches of records in one transaction, on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresBatchSubmitTests() : BatchSubmitContract(StoreProvider.PostgreSql);

/// <summary>
/// <c>SubmitBatchAsync</c>: the bulk ingest path. Records are matched in order, each against the index with the batch's
/// earlier records in it, and written in one transaction; the outcome is the one submitting them one by one gives.
/// </summary>
public abstract class BatchSubmitContract(StoreProvider provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitBatch_OnePersonTwiceInOneBatch_LaterRecordLinksToTheEarlier()
    {
        await using var index = await TestIndex.CreateAsync(provider);
        await index.AddStrangersAsync(40);

        var outcomes = await index.Manager.SubmitBatchAsync(
            [TestPeople.Amelia(), TestPeople.Stranger(50), TestPeople.Amelia("school:3524001", "pupil-7") with { Phone = null, MiddleNames = null }], Ct);

        Assert.Equal([MatchDecision.NewPerson, MatchDecision.NewPerson, MatchDecision.LinkedAutomatically], outcomes.Select(o => o.Decision));
        Assert.Equal(outcomes[0].PersonId, outcomes[2].PersonId);
        Assert.Equal(outcomes[0].PersonId, (await index.Manager.GetRecordAsync(new SourceRecordKey("school:3524001", "pupil-7"), Ct))!.PersonId);
    }

    [Fact]
    public async Task SubmitBatch_SameRecordsAsOneByOne_SameDecisionsAndSamePersonsAfterARestart()
    {
        var records = Mixed();
        await using var single = await TestIndex.CreateAsync(provider);
        var one = new List<MatchOutcome>();
        foreach (var record in records)
        {
            one.Add(await single.Manager.SubmitAsync(record, Ct));
        }

        await using var batched = await TestIndex.CreateAsync(provider);
        var all = new List<MatchOutcome>();
        foreach (var chunk in records.Chunk(7))
        {
            all.AddRange(await batched.Manager.SubmitBatchAsync(chunk, Ct));
        }

        Assert.Equal(one.Select(o => (o.Key, o.Decision, o.Score)), all.Select(o => (o.Key, o.Decision, o.Score)));
        Assert.Equal(Groups(one), Groups(all));
        var reopened = await batched.ReopenAsync();
        Assert.Equal(Groups(all), Groups(await Task.WhenAll(records.Select(r => Placed(reopened, r.Key)))));
    }

    [Fact]
    public async Task SubmitBatch_RecordChangedLaterInTheSameBatch_ItsReviewWithdrawnAndNewVersionKept()
    {
        await using var index = await TestIndex.CreateAsync(provider);
        await index.AddStrangersAsync(40);
        var gp = await index.Manager.SubmitAsync(TestPeople.Amelia(), Ct);

        // A near match opens a review; the same record changed later in the batch withdraws it.
        var near = TestPeople.Amelia("police:gmp", "p1") with { NhsNumber = null, Phone = null, Postcode = "M1 1AA", DateOfBirth = new DateOnly(2012, 3, 15) };
        var outcomes = await index.Manager.SubmitBatchAsync([near, near with { GivenName = "Zbigniew", FamilyName = "Quist", DateOfBirth = new DateOnly(1950, 1, 1) }], Ct);
        var open = await index.Manager.ListReviewTasksAsync(ReviewStatus.Open, 100, Ct);

        Assert.Equal(2, (await index.Manager.GetRecordAsync(near.Key, Ct))!.Version);
        Assert.Equal(MatchDecision.ReviewOpened, outcomes[0].Decision);
        Assert.DoesNotContain(open, t => t.Record.Record.Key == near.Key || t.Candidate.Record.Key == near.Key);
        Assert.NotEqual(gp.PersonId, outcomes[1].PersonId);
    }

    private static List<IdentityRecord> Mixed() =>
    [
        .. Enumerable.Range(0, 25).Select(TestPeople.Stranger),
        TestPeople.Amelia(),
        TestPeople.Amelia("school:352", "u1") with { NhsNumber = null, Postcode = "M13 9PL", Phone = null },
        TestPeople.Amelia("police:gmp", "p1") with { GivenName = "Amy", MiddleNames = null },
        TestPeople.Amelia() with { Phone = "07700 900999" },
        TestPeople.Stranger(3) with { Source = "la:352:socialcare", RecordId = "c3" },
        TestPeople.Stranger(4) with { Source = "la:352:socialcare", RecordId = "c4", Postcode = null },
        TestPeople.Stranger(3) with { Postcode = "OL4 9ZZ" },
        TestPeople.Stranger(3),
    ];

    /// <summary>Records grouped by person, as sorted key lists (person ids are new each run).</summary>
    private static List<string> Groups(IEnumerable<MatchOutcome> outcomes)
    {
        var last = new Dictionary<SourceRecordKey, string>();
        foreach (var o in outcomes)
        {
            last[o.Key] = o.PersonId;
        }

        return Groups(last.Select(kv => (kv.Key, kv.Value)));
    }

    private static List<string> Groups(IEnumerable<(SourceRecordKey Key, string PersonId)> placed) =>
        [.. placed.GroupBy(p => p.PersonId).Select(g => string.Join(" ", g.Select(p => p.Key.ToString()).Distinct().Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private static async Task<(SourceRecordKey, string)> Placed(IdentityManager manager, SourceRecordKey key) =>
        (key, (await manager.GetRecordAsync(key, Ct))!.PersonId);
}
