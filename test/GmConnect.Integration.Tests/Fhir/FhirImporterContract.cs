using System.Globalization;
using GmConnect.Integration.Batches;
using GmConnect.Integration.Fhir;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Integration.Tests.Fhir;

/// <summary>The FHIR import (NDJSON and Bundles), run against every store.</summary>
public abstract class FhirImporterContract(StoreProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("gmc-fhir-import-").FullName;
    private readonly RecordingTarget _pointers = new("DocumentReference");
    private readonly RecordingTarget _content = new("Binary");
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

    private FhirImporter Importer(int chunkSize = 5_000) =>
        new(_test.Store, _time, NullLogger<FhirImporter>.Instance, [_pointers, _content]) { ChunkSize = chunkSize };

    private static string Patient(int i, string gender = "female", string birthDate = "2012-03-07") => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"resourceType":"Patient","id":"p{{{i}}}","identifier":[{"system":"urn:gmconnect:source:gp:P84001","value":"{{{i}}}"},{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],"name":[{"use":"official","family":"Family{{{i}}}","given":["Given{{{i}}}","Middle"]}],"gender":"{{{gender}}}","birthDate":"{{{birthDate}}}","address":[{"use":"home","postalCode":"M13 9PL"}]}""");

    private static string Pointer(string master, string description = "a plan") =>
        $$$"""{"resourceType":"DocumentReference","masterIdentifier":{"system":"urn:test:plan","value":"{{{master}}}"},"status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan"}]},"subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}},"description":"{{{description}}}","content":[{"attachment":{"contentType":"text/plain","url":"https://example.org/plan"}}]}""";

    private const string Content = """{"resourceType":"Binary","id":"plan-1","contentType":"text/plain","data":"aGVsbG8="}""";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private string Ndjson(string name, params string[] lines) => Write(name, string.Join("\n", lines) + "\n");

    private string Bundle(string name, params string[] resources) => Write(name,
        """{"resourceType":"Bundle","type":"transaction","entry":[""" +
        string.Join(",", resources.Select(r => "{\"resource\":" + r + ",\"request\":{\"method\":\"POST\",\"url\":\"x\"}}")) + "]}");

    [Fact]
    public async Task ImportAsync_NdjsonPatients_LandAsPersonRecordsAndBadLinesAreSetAsideWithLineAndField()
    {
        var path = Ndjson("Patient.ndjson", Patient(1), Patient(2, birthDate: "2012-03"), "{not json", Patient(3));

        var result = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((ImportOutcome.Imported, 2, 2, 2), (result.Outcome, result.Accepted, result.Rejected, result.Created));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record WHERE source = 'gp:P84001'"));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record WHERE record_id = '3' AND given_name = 'Given3' AND middle_names = 'Middle' AND sex = 'F' AND date_of_birth = '2012-03-07' AND nhs_number = '9434765919' AND postcode = 'M13 9PL'"));
        var rejected = await new ImportHistory(_test.Store).RejectedRowsAsync(result.BatchId, TestContext.Current.CancellationToken);
        Assert.Equal([2L, 3L], rejected.Select(r => r.Line));
        Assert.Equal("Patient.birthDate", Assert.Single(rejected[0].Errors).Field);
        Assert.Equal("{not json", rejected[1].Raw);
    }

    [Fact]
    public async Task ImportAsync_Bundle_PatientsLandAndOtherTypesGoToTheirTargetsAndBadEntriesNameTheirIndex()
    {
        var path = Bundle("bundle.json", Patient(1), Pointer("cpp-1"), Content, Patient(2, gender: "woman"),
            """{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"}}""", Pointer("cpp-2", description: "refuse"));

        var result = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((3, 3, 3), (result.Accepted, result.Rejected, result.Created));
        Assert.Equal(["urn:test:plan|cpp-1"], _pointers.Held.Keys);
        Assert.Equal(["plan-1"], _content.Held.Keys);
        var rejected = await new ImportHistory(_test.Store).RejectedRowsAsync(result.BatchId, TestContext.Current.CancellationToken);
        var fields = rejected.Select(r => Assert.Single(r.Errors).Field).ToList();
        Assert.StartsWith("Bundle.entry[3].resource.gender", fields[0], StringComparison.Ordinal);
        Assert.Equal("Bundle.entry[4].resource", fields[1]);
        Assert.Equal("Bundle.entry[5].resource.type", fields[2]);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondChangesNothing()
    {
        var path = Ndjson("mixed.ndjson", Patient(1), Pointer("cpp-1"), Content);
        var first = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        var second = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((ImportOutcome.AlreadyImported, first.BatchId), (second.Outcome, second.BatchId));
        Assert.Equal((1, 1), (_pointers.Calls, _content.Calls));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
    }

    [Fact]
    public async Task ImportAsync_SameResourcesInAnotherFile_AreUnchangedAndNotHandedOverAgain()
    {
        await Importer().ImportAsync(Ndjson("a.ndjson", Patient(1), Pointer("cpp-1"), Content), cancellationToken: TestContext.Current.CancellationToken);

        var result = await Importer().ImportAsync(Bundle("b.json", Content, Pointer("cpp-1", description: "a revised plan"), Patient(1)), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((3, 0, 1, 2), (result.Accepted, result.Created, result.Updated, result.Unchanged));
        Assert.Equal((2, 1), (_pointers.Calls, _content.Calls));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
    }

    [Fact]
    public async Task ImportAsync_PatientWithoutSourceKey_TakesTheImportingOrganisationAsSource()
    {
        var patient = """{"resourceType":"Patient","id":"abc","gender":"male","birthDate":"2010-01-02"}""";
        var path = Ndjson("la.ndjson", patient);

        var refused = await Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        var accepted = await Importer().ImportAsync(path, organisation: "dfe:352", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((0, 1), (refused.Accepted, refused.Rejected));
        Assert.Equal((1, 1), (accepted.Accepted, accepted.Created));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record WHERE source = 'dfe:352' AND record_id = 'abc'"));
    }

    [Fact]
    public async Task ImportAsync_InterruptedThenRunAgain_ResumesWithoutLosingOrRepeatingEntries()
    {
        var lines = Enumerable.Range(1, 10).Select(i => i % 4 == 0 ? Pointer("cpp-" + i) : Patient(i)).ToArray();
        lines[6] = Patient(7, birthDate: "07/03/2012");
        var path = Ndjson("big.ndjson", lines);
        using var cancel = new CancellationTokenSource();
        var chunks = 0;
        var stopAfterTwoChunks = new SynchronousProgress(_ => { if (++chunks == 2) { cancel.Cancel(); } });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer(chunkSize: 3).ImportAsync(path, progress: stopAfterTwoChunks, cancellationToken: cancel.Token));
        Assert.Equal(5, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));

        var result = await Importer(chunkSize: 3).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ImportOutcome.Resumed, result.Outcome);
        Assert.Equal((9, 1, 9), (result.Accepted, result.Rejected, result.Created));
        Assert.Equal(7, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));
        Assert.Equal(7, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
        Assert.Equal(2, _pointers.Held.Count);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM integration_fhir_resource"));
    }

    [Fact]
    public async Task ImportAsync_BulkTarget_SameCountsLedgerAndRejectedRowsAsOneByOne()
    {
        // Refused, repeated in a chunk with the same and with other content, split over chunks, and already imported.
        var earlier = Ndjson("earlier.ndjson", Pointer("cpp-1"), Pointer("cpp-9"));
        var path = Ndjson("pointers.ndjson", Pointer("cpp-1"), Pointer("cpp-2"), Pointer("cpp-3", description: "refuse"), Pointer("cpp-2"),
            Pointer("cpp-2", description: "revised"), Pointer("cpp-4"), Pointer("cpp-9", description: "revised"), Pointer("cpp-4", description: "refuse"),
            Patient(1), Pointer("cpp-5"));
        await using var other = await TestStore.CreateAsync(provider);
        await new MigrationRunner(other.Store, [IntegrationServices.Migrations], _time).MigrateAsync(TestContext.Current.CancellationToken);
        var bulk = new BulkRecordingTarget("DocumentReference");
        var bulkImporter = new FhirImporter(other.Store, _time, NullLogger<FhirImporter>.Instance, [bulk, _content]) { ChunkSize = 7 };
        var ct = TestContext.Current.CancellationToken;

        await Importer(chunkSize: 7).ImportAsync(earlier, cancellationToken: ct);
        var single = await Importer(chunkSize: 7).ImportAsync(path, cancellationToken: ct);
        await bulkImporter.ImportAsync(earlier, cancellationToken: ct);
        var chunked = await bulkImporter.ImportAsync(path, cancellationToken: ct);

        Assert.Equal((single.Accepted, single.Rejected, single.Created, single.Updated, single.Unchanged),
            (chunked.Accepted, chunked.Rejected, chunked.Created, chunked.Updated, chunked.Unchanged));
        Assert.Equal(_pointers.Held.OrderBy(h => h.Key), bulk.Held.OrderBy(h => h.Key));
        Assert.Equal(await RejectedAsync(_test.Store, single.BatchId), await RejectedAsync(other.Store, chunked.BatchId));
        Assert.Equal(await LedgerAsync(_test.Store), await LedgerAsync(other.Store));
        Assert.Equal([2, 2, 3, 2], bulk.CallSizes); // earlier; lines 1-7 split at the repeated cpp-2 (line 1 is unchanged); lines 8-10
    }

    [Fact]
    public async Task ImportAsync_FastReaderOnOrOff_SameOutcomesResourcesLedgerAndRejectedRows()
    {
        // The agreement tests' corpus (valid, each kind of invalid, edge cases), one entry per line, plus Patients.
        var corpus = DocumentReferenceReaderAgreementTests.FastShapes().Concat(DocumentReferenceReaderAgreementTests.SdkShapes())
            .Select(row => row.Data.ReplaceLineEndings(" "))
            .Select((line, i) => i % 5 == 4 ? Patient(i) : line.Replace("\"cpp-1\"", $"\"cpp-{i}\"", StringComparison.Ordinal)).ToArray();
        var path = Ndjson("corpus.ndjson", corpus);
        var ct = TestContext.Current.CancellationToken;
        await using var other = await TestStore.CreateAsync(provider);
        await new MigrationRunner(other.Store, [IntegrationServices.Migrations], _time).MigrateAsync(ct);
        var sdkTarget = new SerialisingTarget("DocumentReference");
        var fastTarget = new SerialisingTarget("DocumentReference");
        FhirImporter Importer(Store store, SerialisingTarget target, bool fast) =>
            new(store, _time, NullLogger<FhirImporter>.Instance, [target, _content]) { ChunkSize = 7, ReadDocumentReferencesFast = fast };

        var sdk = await Importer(_test.Store, sdkTarget, fast: false).ImportAsync(path, cancellationToken: ct);
        var fast = await Importer(other.Store, fastTarget, fast: true).ImportAsync(path, cancellationToken: ct);

        Assert.Equal((sdk.Accepted, sdk.Rejected, sdk.Created, sdk.Updated, sdk.Unchanged), (fast.Accepted, fast.Rejected, fast.Created, fast.Updated, fast.Unchanged));
        Assert.True(sdk.Rejected > 20 && sdk.Accepted > 5, $"{sdk.Accepted} accepted, {sdk.Rejected} rejected: the corpus should have both");
        Assert.Equal(sdkTarget.Received, fastTarget.Received);
        Assert.Equal(await RejectedAsync(_test.Store, sdk.BatchId), await RejectedAsync(other.Store, fast.BatchId));
        Assert.Equal(await LedgerAsync(_test.Store), await LedgerAsync(other.Store));

        // The digests agree too: the same resources (each key once) in another file, read fast this time, change nothing.
        var again = await Importer(_test.Store, sdkTarget, fast: true).ImportAsync(Ndjson("copy.ndjson", [.. corpus.Reverse()]), cancellationToken: ct);
        Assert.Equal((ImportOutcome.Imported, 0, 0, sdk.Accepted), (again.Outcome, again.Created, again.Updated, again.Unchanged));
    }

    private static async Task<List<string>> RejectedAsync(Store store, long batchId) =>
        [.. (await new ImportHistory(store).RejectedRowsAsync(batchId, TestContext.Current.CancellationToken))
            .Select(r => r.Line + " " + string.Join("; ", r.Errors.Select(e => e.Field + ": " + e.Message)))];

    private static async Task<List<string>> LedgerAsync(Store store)
    {
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.Command("SELECT resource_type, resource_key, content_hash, target_id FROM integration_fhir_resource ORDER BY resource_type, resource_key");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join(" ", reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    [Fact]
    public async Task ImportAsync_NotFhir_RefusedBeforeAnythingIsWritten()
    {
        var path = Write("x.json", "source,record_id\n1,2\n");

        await Assert.ThrowsAsync<FhirFormatException>(() => Importer().ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM integration_import_batch"));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"1\"}\n{\"resourceType\":\"Patient\",\"id\":\"2\"}\n", FhirFileKind.Ndjson)]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"batch\"}", FhirFileKind.Bundle)]
    [InlineData("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"transaction\"\n}\n", FhirFileKind.Bundle)]
    [InlineData("source,record_id\n", null)]
    public void Detect_ByContent_TellsNdjsonFromBundle(string text, FhirFileKind? expected) =>
        Assert.Equal(expected, FhirImporter.Detect(Write("file", text)));

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _test.Store.OpenConnectionAsync();
        return Convert.ToInt64(await connection.Command(sql).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> action) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => action(value);
    }
}

public sealed class FhirImporterSqliteTests() : FhirImporterContract(StoreProvider.Sqlite);

public sealed class FhirImporterPostgresTests() : FhirImporterContract(StoreProvider.PostgreSql);
