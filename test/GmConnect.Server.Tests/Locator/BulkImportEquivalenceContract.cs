using GmConnect.Identity.Manager;
using GmConnect.Integration.Fhir;
using GmConnect.Locator.Tests;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Locator;

/// <summary>The bulk import path against one by one, on SQLite.</summary>
public sealed class SqliteBulkImportEquivalenceTests() : BulkImportEquivalenceContract(StoreProvider.Sqlite);

/// <summary>The bulk import path against one by one, on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresBulkImportEquivalenceTests() : BulkImportEquivalenceContract(StoreProvider.PostgreSql);

/// <summary>
/// One FHIR file imported into two exchanges: through the host's targets as registered (DocumentReferences a chunk at
/// a time through <c>BulkPointerPublisher</c>, outbox events by <c>EnqueueManyAsync</c>), and through the same targets
/// one resource at a time (<c>PointerPublisher.UpsertAsync</c>, the API's path). Both must hold the same pointers,
/// the same outbox events and the same set-aside entries with the same reasons.
/// </summary>
public abstract class BulkImportEquivalenceContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Nhs = IdentifierSystems.NhsNumber;

    private readonly List<(ExchangeFactory Exchange, IServiceProvider Services)> _exchanges = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("gmc-bulk-import-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var identity = new FakeIdentityManager();
            identity.AddPerson("p-child", (Nhs, "9434765919"));
            identity.AddPerson("p-other", (Nhs, "4010232137"));
            var exchange = await ExchangeFactory.CreateAsync(provider, s => s.AddSingleton<IIdentityManager>(identity));
            _exchanges.Add((exchange, exchange.Services));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (exchange, _) in _exchanges)
        {
            await exchange.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static string Pointer(string? master, string type, string nhs, string description = "a plan", string id = "x") =>
        "{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\"," +
        (master is null ? "" : "\"masterIdentifier\":{\"system\":\"urn:test:la352\",\"value\":\"" + master + "\"},") +
        "\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"" + type + "\"}]}," +
        "\"subject\":{\"identifier\":{\"system\":\"" + Nhs + "\",\"value\":\"" + nhs + "\"}},\"description\":\"" + description + "\"," +
        "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"url\":\"https://la352.example/" + type + "\"}}]}";

    [Fact]
    public async Task ImportAsync_PointersInChunks_SamePointersEventsAndSetAsideEntriesAsOneByOne()
    {
        var path = Path.Combine(_folder, "la352.ndjson");
        await File.WriteAllLinesAsync(path,
        [
            Pointer("cpp-1", "child-protection-plan", "9434765919"),
            Pointer("cin-1", "child-in-need-plan", "4010232137"),
            Pointer("pi-1", "police-incident", "9434765919"),                       // the LA may not publish it
            Pointer("x-1", "no-such-type", "9434765919"),                           // unknown type
            Pointer("lac-1", "looked-after-status", "9999999999"),                 // a subject the index does not know
            Pointer("cpp-1", "child-protection-plan", "9434765919", "revised"),   // the same key: an update
            Pointer(null, "early-help-assessment", "4010232137", id: "eha-7"),     // keyed by its id
            Pointer("cpp-2", "child-protection-plan", "9434765919"),
        ], Ct);

        var (bulkServices, singleServices) = (_exchanges[0].Services, _exchanges[1].Services);
        var bulk = await bulkServices.GetRequiredService<FhirImporter>().ImportAsync(path, "dfe:352", cancellationToken: Ct);
        var oneByOne = new FhirImporter(singleServices.GetRequiredService<Store>(), TimeProvider.System, NullLogger<FhirImporter>.Instance,
            singleServices.GetServices<IFhirImportTarget>().Select(t => new OneAtATime(t)));
        var single = await oneByOne.ImportAsync(path, "dfe:352", cancellationToken: Ct);

        Assert.Equal((single.Accepted, single.Rejected, single.Created, single.Updated), (bulk.Accepted, bulk.Rejected, bulk.Created, bulk.Updated));
        Assert.Equal((6, 2), (bulk.Accepted, bulk.Rejected));
        Assert.Equal(await RowsAsync(singleServices, "SELECT line, errors FROM integration_rejected_row ORDER BY line"),
            await RowsAsync(bulkServices, "SELECT line, errors FROM integration_rejected_row ORDER BY line"));
        const string Pointers = "SELECT custodian_id, master_id, type, category, status, version FROM loc_pointer ORDER BY master_id";
        Assert.Equal(await RowsAsync(singleServices, Pointers), await RowsAsync(bulkServices, Pointers));
        const string Subjects = "SELECT s.subject_key, p.master_id FROM loc_pointer_subject s JOIN loc_pointer p ON p.id = s.pointer_id ORDER BY p.master_id, s.subject_key";
        Assert.Equal(await RowsAsync(singleServices, Subjects), await RowsAsync(bulkServices, Subjects));
        const string Events = "SELECT e.kind, e.person_key, e.record_type, e.category, e.custodian_id, e.sensitivity, p.master_id " +
            "FROM notif_event e JOIN loc_pointer p ON p.id = e.pointer_id ORDER BY p.master_id";
        var events = await RowsAsync(bulkServices, Events);
        Assert.Equal(await RowsAsync(singleServices, Events), events);
        Assert.Equal(5, events.Count);
    }

    private static async Task<List<string>> RowsAsync(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<Store>().OpenConnectionAsync(Ct);
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>A host target with its bulk side hidden: the importer hands it one resource at a time.</summary>
    private sealed class OneAtATime(IFhirImportTarget inner) : IFhirImportTarget
    {
        public string ResourceType => inner.ResourceType;

        public Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken) =>
            inner.ImportAsync(resource, context, cancellationToken);
    }
}
