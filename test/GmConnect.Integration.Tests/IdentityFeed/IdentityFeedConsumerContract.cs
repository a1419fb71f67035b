using GmConnect.Identity.Manager;
using GmConnect.Integration.IdentityFeed;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Integration.Tests.IdentityFeed;

/// <summary>The identity feed (change feed → Identity Manager), run against every store.</summary>
public abstract class IdentityFeedConsumerContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Header = "source,record_id,nhs_number,given_name,family_name,sex,date_of_birth,postcode";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("gmc-feed-").FullName;
    private readonly RecordingIdentityManager _identity = new();
    private TestStore _test = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _test = await TestStore.CreateAsync(provider);
        await new MigrationRunner(_test.Store, [IntegrationServices.Migrations], _time).MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IdentityFeedConsumer Consumer(int batchSize = 500) =>
        new(_test.Store, _identity, _time, NullLogger<IdentityFeedConsumer>.Instance) { BatchSize = batchSize };

    private async Task ImportAsync(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, Header + "\n" + string.Join("\n", rows) + "\n", Ct);
        await new PersonRecordImporter(_test.Store, _time, NullLogger<PersonRecordImporter>.Instance).ImportAsync(path, cancellationToken: Ct);
    }

    [Fact]
    public async Task CatchUpAsync_ImportedRecords_SubmittedAsStoredWithEveryField()
    {
        await ImportAsync("gp.csv", "gp:P1,1,943 476 5919,Jane,Smith,F,1984-03-07,M13 9PL", "gp:P1,2,,Tom,Jones,M,,");
        using var consumer = Consumer();

        var progress = await consumer.CatchUpAsync(Ct);

        Assert.Equal((2, 2, 0), (progress.Changes, progress.Submitted, progress.Unchanged));
        var jane = _identity.Held[new SourceRecordKey("gp:P1", "1")];
        Assert.Equal(("943 476 5919", "Jane", "Smith", "F", new DateOnly(1984, 3, 7), "M13 9PL"), (jane.NhsNumber, jane.GivenName, jane.FamilyName, jane.Sex, jane.DateOfBirth, jane.Postcode));
        Assert.Null(_identity.Held[new SourceRecordKey("gp:P1", "2")].DateOfBirth);
    }

    [Fact]
    public async Task CatchUpAsync_Again_NothingNewNothingSubmitted()
    {
        await ImportAsync("gp.csv", "gp:P1,1,,Jane,Smith,F,,");
        using var consumer = Consumer();
        await consumer.CatchUpAsync(Ct);

        var again = await consumer.CatchUpAsync(Ct);

        Assert.Equal(0, again.Changes);
        Assert.Single(_identity.Submitted);
    }

    [Fact]
    public async Task CatchUpAsync_ChangedRecordInANewerExtract_SubmittedInItsNewForm()
    {
        await ImportAsync("gp-1.csv", "gp:P1,1,,Jane,Smith,F,,M1 1AA", "gp:P1,2,,Tom,Jones,M,,");
        using var consumer = Consumer();
        await consumer.CatchUpAsync(Ct);
        await ImportAsync("gp-2.csv", "gp:P1,1,,Jane,Smith,F,,M2 2BB", "gp:P1,2,,Tom,Jones,M,,");

        var progress = await consumer.CatchUpAsync(Ct);

        Assert.Equal(1, progress.Submitted);
        Assert.Equal("M2 2BB", _identity.Held[new SourceRecordKey("gp:P1", "1")].Postcode);
    }

    [Fact]
    public async Task CatchUpAsync_FailsMidway_ResumesAfterTheLastBatchAndReplaysHarmlessly()
    {
        await ImportAsync("gp.csv", "gp:P1,1,,A,A,F,,", "gp:P1,2,,B,B,F,,", "gp:P1,3,,C,C,F,,", "gp:P1,4,,D,D,F,,", "gp:P1,5,,E,E,F,,");
        _identity.FailOn = r => r.RecordId == "4";
        using var consumer = Consumer(batchSize: 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.CatchUpAsync(Ct));
        var cursorAfterFailure = await consumer.CursorAsync(Ct);
        _identity.FailOn = null;
        var progress = await consumer.CatchUpAsync(Ct);

        // Batches [1,2] done; [3,4] failed at 4 after 3 went in, so the cursor stayed at 2 and 3 is replayed, unchanged.
        Assert.Equal(2, cursorAfterFailure);
        Assert.Equal(5, progress.Cursor);
        Assert.Equal(1, progress.Unchanged);
        Assert.Equal(["1", "2", "3", "3", "4", "5"], _identity.Submitted.Select(r => r.RecordId));
        Assert.Equal(5, _identity.Held.Count);
    }

    [Fact]
    public async Task CatchUpAsync_NewConsumerOnTheSameStore_CarriesOnFromTheStoredCursor()
    {
        await ImportAsync("gp-1.csv", "gp:P1,1,,Jane,Smith,F,,");
        using (var first = Consumer())
        {
            await first.CatchUpAsync(Ct);
        }

        await ImportAsync("gp-2.csv", "gp:P1,2,,Tom,Jones,M,,");
        using var second = Consumer();

        var progress = await second.CatchUpAsync(Ct);

        Assert.Equal(["1", "2"], _identity.Submitted.Select(r => r.RecordId));
        Assert.Equal(1, progress.Submitted);
    }
}

public sealed class IdentityFeedConsumerSqliteTests() : IdentityFeedConsumerContract(StoreProvider.Sqlite);

public sealed class IdentityFeedConsumerPostgresTests() : IdentityFeedConsumerContract(StoreProvider.PostgreSql);
