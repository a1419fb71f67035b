using System.Globalization;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Integration.Tests.PersonRecords;

/// <summary>The person-records import, run against every store.</summary>
public abstract class PersonRecordImporterContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Header = "source,record_id,nhs_number,given_name,family_name,sex,date_of_birth,postcode";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("gmc-import-").FullName;
    private TestStore _test = null!;

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

    private PersonRecordImporter Importer(int chunkSize = 5_000) =>
        new(_test.Store, _time, NullLogger<PersonRecordImporter>.Instance) { ChunkSize = chunkSize };

    private string File(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    [Fact]
    public async Task ImportAsync_GoodAndBadRows_AcceptsGoodAndSetsBadAsideWithReasons()
    {
        var path = File("gp.csv", "gp:P1,1,9434765919,Jane,Smith,F,1984-03-07,M13 9PL", "gp:P1,2,,Tom,Jones,Z,,", "gp:P1,3,,Ann,Lee,F,1990-01-01,");

        var result = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((ImportOutcome.Imported, 2, 1, 2), (result.Outcome, result.Accepted, result.Rejected, result.Created));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));
        var rejected = Assert.Single(await new GmConnect.Integration.Batches.ImportHistory(_test.Store).RejectedRowsAsync(result.BatchId, TestContext.Current.CancellationToken));
        Assert.Equal(3, rejected.Line);
        Assert.Equal("sex", Assert.Single(rejected.Errors).Field);
        Assert.Equal("gp:P1,2,,Tom,Jones,Z,,", rejected.Raw);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondIsANoOp()
    {
        var path = File("gp.csv", "gp:P1,1,,Jane,Smith,F,,", "gp:P1,2,,Tom,Jones,M,,");
        var first = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        var second = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ImportOutcome.AlreadyImported, second.Outcome);
        Assert.Equal(first.BatchId, second.BatchId);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
    }

    [Fact]
    public async Task ImportAsync_NewerExtract_UpdatesOnlyChangedRecordsAndFeedsTheChanges()
    {
        await Importer().ImportAsync(File("v1.csv", "gp:P1,1,,Jane,Smith,F,,", "gp:P1,2,,Tom,Jones,M,,"), cancellationToken: TestContext.Current.CancellationToken);

        var result = await Importer().ImportAsync(File("v2.csv", "gp:P1,1,,Jane,Brown,F,,", "gp:P1,2,,Tom,Jones,M,,", "gp:P1,3,,Ann,Lee,F,,"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((3, 1, 1, 1), (result.Accepted, result.Created, result.Updated, result.Unchanged));
        Assert.Equal(2, await ScalarAsync("SELECT version FROM integration_person_record WHERE record_id = '1'"));
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_change WHERE kind = 'updated' AND record_id = '1' AND version = 2"));
    }

    [Fact]
    public async Task ImportAsync_InterruptedThenRunAgain_ResumesWithoutLosingOrRepeatingRows()
    {
        var rows = Enumerable.Range(1, 10).Select(i => string.Create(CultureInfo.InvariantCulture, $"gp:P1,{i},,Given{i},Family,F,,")).ToArray();
        rows[6] = "gp:P1,7,,Bad,Row,Q,,";
        var path = File("big.csv", rows);
        using var cancel = new CancellationTokenSource();
        var chunks = 0;
        var stopAfterTwoChunks = new SynchronousProgress(_ => { if (++chunks == 2) { cancel.Cancel(); } });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer(chunkSize: 3).ImportAsync(path, stopAfterTwoChunks, cancellationToken: cancel.Token));
        Assert.Equal(6, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));

        var result = await Importer(chunkSize: 3).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ImportOutcome.Resumed, result.Outcome);
        Assert.Equal((9, 1, 9), (result.Accepted, result.Rejected, result.Created));
        Assert.Equal(9, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));
        Assert.Equal(9, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
    }

    [Fact]
    public async Task ImportAsync_BadHeader_WritesNothing()
    {
        var path = Path.Combine(_folder, "bad.csv");
        await System.IO.File.WriteAllTextAsync(path, "who,what\n1,2\n", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<CsvFormatException>(() => Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM integration_import_batch"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _test.Store.OpenConnectionAsync();
        return Convert.ToInt64(await connection.Command(sql).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the callback at once.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> action) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => action(value);
    }
}

public sealed class PersonRecordImporterSqliteTests() : PersonRecordImporterContract(StoreProvider.Sqlite);

public sealed class PersonRecordImporterPostgresTests() : PersonRecordImporterContract(StoreProvider.PostgreSql);
