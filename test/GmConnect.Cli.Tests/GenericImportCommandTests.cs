using System.Globalization;
using GmConnect.Storage;

namespace GmConnect.Cli.Tests;

/// <summary><c>gmc import FILE…</c> from the user's side: kinds told by content, FHIR through the API's path.</summary>
public sealed class GenericImportCommandTests : IDisposable
{
    private const string Pointer = """{"resourceType":"DocumentReference","masterIdentifier":{"system":"urn:test:la352","value":"cpp-1"},"status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan"}]},"subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}},"content":[{"attachment":{"contentType":"text/plain","url":"https://la352.example/plans/1"}}]}""";
    private const string PolicePointer = """{"resourceType":"DocumentReference","masterIdentifier":{"system":"urn:test:la352","value":"pi-1"},"status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"police-incident"}]},"subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}},"content":[{"attachment":{"contentType":"text/plain","url":"https://la352.example/x"}}]}""";
    private const string Patient = """{"resourceType":"Patient","id":"child-1","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],"name":[{"family":"Smith","given":["Jo"]}],"gender":"female","birthDate":"2014-05-06"}""";
    private const string Content = """{"resourceType":"Binary","id":"plan-352-1","meta":{"extension":[{"url":"https://gmconnect.example/fhir/StructureDefinition/binary-subject-person","valueString":"p-1"},{"url":"https://gmconnect.example/fhir/StructureDefinition/binary-subject-birth-date","valueDate":"2014-05-06"},{"url":"https://gmconnect.example/fhir/StructureDefinition/binary-record-type","valueCode":"child-protection-plan"},{"url":"https://gmconnect.example/fhir/StructureDefinition/binary-category","valueCode":"social-care"},{"url":"https://gmconnect.example/fhir/StructureDefinition/binary-retention-class","valueCode":"dob-plus-31-years"}]},"contentType":"text/plain","data":"aGVsbG8="}""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gmc-cli-import-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private string Store => $"Data Source={Path.Combine(_folder.FullName, "x.db")}";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Import_NdjsonAsAnOrganisation_PublishesPointersAndLandsPatientsAndListsBadLines()
    {
        var file = Write("la352.ndjson", string.Join("\n", Patient, Pointer, """{"resourceType":"Patient","id":"x","birthDate":"14/05/2014"}""", PolicePointer) + "\n");
        var errors = Path.Combine(_folder.FullName, "errors.csv");

        var (exit, output, _) = await CliRunner.RunAsync("import", file, "--as", "dfe:352", "--store", Store, "--errors", errors);

        Assert.Equal(0, exit);
        Assert.Contains("la352.ndjson (FHIR NDJSON): imported as batch 1: 2 accepted (2 new, 0 changed, 0 unchanged), 2 rejected", output, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(errors, TestContext.Current.CancellationToken)).ToList();
        Assert.Equal("file,line,entry,field,message", lines[0]);
        Assert.StartsWith("la352.ndjson,3,,Patient.birthDate,", lines[1], StringComparison.Ordinal);
        Assert.Equal("la352.ndjson,4,,DocumentReference.type,your organisation may not publish pointers of type 'police-incident'", lines[2]);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM loc_pointer WHERE custodian_id = 'dfe:352' AND status = 'current'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record WHERE source = 'dfe:352' AND record_id = 'child-1'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM notif_event"));
    }

    [Fact]
    public async Task Import_AeAttendanceFromAnNhsTrust_IsPublishedAndQueuedForTheChildsSubscribers()
    {
        // CP-IS: the trust's A&E attendance pointer for a child goes into the notification outbox in its own
        // transaction, with the sharing category the local authority's subscription and agreement name.
        var attendance = Pointer.Replace("urn:test:la352", "urn:test:r0a", StringComparison.Ordinal).Replace("child-protection-plan", "ae-attendance", StringComparison.Ordinal);
        var file = Write("ae.ndjson", attendance + "\n");

        var (exit, output, _) = await CliRunner.RunAsync("import", file, "--as", "ods:R0A", "--store", Store);

        Assert.Equal(0, exit);
        Assert.Contains("1 accepted (1 new, 0 changed, 0 unchanged), 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM notif_event WHERE record_type = 'ae-attendance' AND category = 'ae-attendance' AND custodian_id = 'ods:R0A'"));
    }

    [Fact]
    public async Task Import_SameFileTwiceAndSameResourcesInAnotherFile_ChangesNothing()
    {
        var ndjson = Write("a.ndjson", Pointer + "\n" + Content + "\n");
        await CliRunner.RunAsync("import", ndjson, "--as", "dfe:352", "--store", Store);

        var (exit, output, _) = await CliRunner.RunAsync("import", ndjson, "--as", "dfe:352", "--store", Store);
        var bundle = Write("b.json", """{"resourceType":"Bundle","type":"transaction","entry":[{"resource":""" + Content + "},{\"resource\":" + Pointer + "}]}");
        var (bundleExit, bundleOutput, _) = await CliRunner.RunAsync("import", bundle, "--as", "dfe:352", "--store", Store);

        Assert.Equal((0, 0), (exit, bundleExit));
        Assert.Contains("a.ndjson (FHIR NDJSON): already imported as batch", output, StringComparison.Ordinal);
        Assert.Contains("b.json (FHIR Bundle): imported as batch 2: 2 accepted (0 new, 0 changed, 2 unchanged), 0 rejected", bundleOutput, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM loc_pointer"));
        Assert.Equal(1, await ScalarAsync("SELECT MAX(version) FROM loc_pointer"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM repo_version WHERE content_id = 'plan-352-1'"));
    }

    [Fact]
    public async Task Import_BundleWithBadEntries_ReportsEntryIndexAndFhirPath()
    {
        var bundle = Write("bundle.json", """{"resourceType":"Bundle","type":"batch","entry":[{"resource":""" + Content + """},{"resource":{"resourceType":"Binary","id":"b2","contentType":"text/plain","data":"aGk="}},{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}}}]}""");
        var errors = Path.Combine(_folder.FullName, "errors.csv");

        var (exit, output, _) = await CliRunner.RunAsync("import", bundle, "--as", "dfe:352", "--store", Store, "--errors", errors);

        Assert.Equal(0, exit);
        Assert.Contains("1 accepted (1 new, 0 changed, 0 unchanged), 2 rejected", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(errors, TestContext.Current.CancellationToken);
        Assert.StartsWith("bundle.json,,1,Bundle.entry[1].resource.meta.extension,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("bundle.json,,2,Bundle.entry[2].resource,\"Observation is not imported", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PointerWithoutAnImportingOrganisation_IsSetAsideWithTheReason()
    {
        var file = Write("p.ndjson", Pointer + "\n");
        var errors = Path.Combine(_folder.FullName, "errors.csv");

        var (exit, _, _) = await CliRunner.RunAsync("import", file, "--store", Store, "--errors", errors);

        Assert.Equal(0, exit);
        Assert.Equal("p.ndjson,1,,DocumentReference,import --as the producing organisation to publish this resource", (await File.ReadAllLinesAsync(errors, TestContext.Current.CancellationToken))[1]);
    }

    [Fact]
    public async Task Import_PersonRecordsCsvByContent_GoesToThePersonRecordsImporter()
    {
        var csv = Write("gp-extract.txt", "source,record_id,sex\ngp:P1,1,F\ngp:P1,2,Q\n");

        var (exit, output, _) = await CliRunner.RunAsync("import", csv, "--store", Store);

        Assert.Equal(0, exit);
        Assert.Contains("gp-extract.txt (person-records CSV): imported as batch 1: 1 accepted (1 new, 0 changed, 0 unchanged), 1 rejected", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("children.csv", "CHILD,DOB,PREV_PERM\n1,01/01/2010,Z1\n", "It is an SSDA903 file")]
    [InlineData("notes.txt", "hello\n", "Not a person-records CSV, FHIR NDJSON or FHIR Bundle")]
    [InlineData("other.json", """{"resourceType":"Bundle","type":"searchset"}""", "only transaction, batch and collection Bundles are imported")]
    public async Task Import_FileItCannotTake_ExitCode1WithTheReason(string name, string text, string reason)
    {
        var (exit, _, error) = await CliRunner.RunAsync("import", Write(name, text), "--store", Store);

        Assert.Equal(1, exit);
        Assert.Contains($"{name}: not imported.", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var store = GmConnect.Storage.Store.Open(Store);
        await using var connection = await store.OpenConnectionAsync();
        return Convert.ToInt64(await connection.Command(sql).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
