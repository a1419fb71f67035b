using System.Net.Http.Headers;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Tests;
using GmConnect.Server.Tests.Fhir;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Adversarial;

/// <summary>
/// The exchange in-process (shipped governance config, fresh SQLite store) with an in-memory Identity Manager, and
/// bearer-token clients for any practitioner. Governance state (agreements, labels, objections) is set through
/// Governance's own services, as an administrator would.
/// </summary>
internal sealed class LocatorExchange : IAsyncDisposable
{
    public const string Nhs = IdentifierSystems.NhsNumber;
    public const string ChildNhs = "9434765919";
    public const string ChildUpn = "A123456789012";

    private readonly ExchangeFactory _exchange;
    private readonly WebApplicationFactory<Program> _factory;

    private LocatorExchange(ExchangeFactory exchange, FakeIdentityManager identity)
    {
        _exchange = exchange;
        Identity = identity;
        _factory = exchange.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIdentityManager>(identity)));
    }

    public FakeIdentityManager Identity { get; }

    public IServiceProvider Services => _factory.Services;

    public GovernanceAdministration Governance => Services.GetRequiredService<GovernanceAdministration>();

    public AuditTrail Audit => Services.GetRequiredService<AuditTrail>();

    public static Actor Admin { get; } = new("demo-admin", "gmc:exchange", "administrator");

    public static async Task<LocatorExchange> StartAsync()
    {
        var identity = new FakeIdentityManager();
        identity.AddPerson("p-child", (Nhs, ChildNhs), (IdentifierSystems.Upn, ChildUpn));
        var exchange = new LocatorExchange(await ExchangeFactory.CreateAsync(StoreProvider.Sqlite), identity);
        _ = exchange.Services; // start the host: migrations and the governance seed run now
        return exchange;
    }

    public HttpClient Anonymous() => _factory.CreateClient();

    public HttpClient As(string practitioner, string organisation, string role, Purpose purpose) =>
        WithToken(Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(practitioner, organisation, role, purpose, TimeSpan.FromMinutes(10)));

    public HttpClient WithToken(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The development key file this exchange signs with (to mint tokens at other times).</summary>
    public string KeyFile => Services.GetRequiredService<IConfiguration>()["Tokens:DevelopmentKeyFile"]!;

    // The shipped demo practitioners (configs/governance/practitioners.json).
    public HttpClient ManchesterSocialWorker(Purpose purpose = Purpose.Safeguarding) => As("demo-sw-352", "dfe:352", "social-worker", purpose);

    public HttpClient SalfordSocialWorker(Purpose purpose = Purpose.Safeguarding) => As("demo-sw-355", "dfe:355", "social-worker", purpose);

    public HttpClient PoliceOfficer(Purpose purpose = Purpose.Safeguarding) => As("demo-officer-06", "police:06", "police-officer", purpose);

    public HttpClient MftClinician(Purpose purpose = Purpose.DirectCare) => As("demo-clinician-r0a", "ods:R0A", "clinician", purpose);

    public HttpClient ManchesterAdoptionWorker() => As("demo-adoption-352", "dfe:352", "adoption-social-worker", Purpose.Safeguarding);

    public static DocumentReference Pointer(string type, string nhsNumber = ChildNhs) => new()
    {
        Status = DocumentReferenceStatus.Current,
        Type = new CodeableConcept("urn:gmconnect:record-type", type),
        Subject = new ResourceReference { Identifier = new Identifier(Nhs, nhsNumber) },
        Author = [new ResourceReference { Identifier = new Identifier { Value = "team-north" } }],
        Content = [new DocumentReference.ContentComponent { Attachment = new Attachment { Url = "https://records.example/" + type, ContentType = "application/pdf" } }],
        Context = new DocumentReference.ContextComponent { Period = new Period { Start = "2026-03-01" } },
    };

    /// <summary>Publishes a pointer through the API and returns its id.</summary>
    public static async Task<string> PublishAsync(HttpClient producer, string type, string nhsNumber = ChildNhs)
    {
        var response = await producer.PostAsync("/fhir/DocumentReference", FhirHttp.Json(Pointer(type, nhsNumber)), TestContext.Current.CancellationToken);
        return (await FhirHttp.ReadAsync<DocumentReference>(response, System.Net.HttpStatusCode.Created)).Id!;
    }

    /// <summary>Searches by POST _search (identifier in the body) and returns the Bundle.</summary>
    public static async Task<Bundle> SearchAsync(HttpClient consumer, string system = Nhs, string value = ChildNhs, params (string Key, string Value)[] more)
    {
        var form = new List<KeyValuePair<string, string>> { new("subject:identifier", system + "|" + value) };
        form.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));
        var response = await consumer.PostAsync("/fhir/DocumentReference/_search", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return await FhirHttp.ReadAsync<Bundle>(response);
    }

    /// <summary>The pointers (search.mode = match) of a searchset.</summary>
    public static List<DocumentReference> Matches(Bundle bundle) =>
        [.. bundle.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Match).Select(e => Assert.IsType<DocumentReference>(e.Resource))];

    /// <summary>The withheld-reason outcome entry of a searchset, or null.</summary>
    public static OperationOutcome? Withheld(Bundle bundle) =>
        bundle.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Outcome).Select(e => Assert.IsType<OperationOutcome>(e.Resource)).SingleOrDefault();

    /// <summary>The reason codes the audit trail recorded for this pointer, most recent decision first.</summary>
    public async Task<IReadOnlyList<string>> AuditedReasonsAsync(string pointerId, string practitionerId)
    {
        var entries = await Audit.SearchAsync(new AuditQuery(PractitionerId: practitionerId), TestContext.Current.CancellationToken);
        return entries
            .Where(e => e.Record.EventType is AuditEventType.Search or AuditEventType.Read)
            .SelectMany(e => e.Record.Resources)
            .Where(r => r.ResourceId == pointerId)
            .Select(r => r.Outcome + ":" + string.Join(",", r.Reasons))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _exchange.DisposeAsync();
    }
}
