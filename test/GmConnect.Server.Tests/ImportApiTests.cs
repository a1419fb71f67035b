using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Server.Tests;

public sealed class ImportApiTests
{
    [Fact]
    public async Task PostPersonRecords_CsvWithABadRow_ImportsGoodRowsAndListsTheErrorWithoutValues()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var client = exchange.CreateClientAs();
        var csv = "source,record_id,given_name,sex,date_of_birth\ngp:P1,1,Jane,F,1984-03-07\ngp:P1,2,Tom,M,1984-13-07\n";

        var response = await client.PostAsync("/api/imports/person-records?fileName=gp.csv", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        var batchId = result.GetProperty("batchId").GetInt64();

        var batches = await client.GetFromJsonAsync<JsonElement>("/api/imports", TestContext.Current.CancellationToken);
        Assert.Equal("gp.csv", batches[0].GetProperty("fileName").GetString());
        var errors = await client.GetStringAsync($"/api/imports/{batchId}/errors", TestContext.Current.CancellationToken);
        Assert.Contains("\"line\":3", errors, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"date_of_birth\"", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("1984-13-07", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Tom", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostFhir_NdjsonAsTheTokensOrganisation_PublishesPointersSetsAsideTheRefusedAndAuditsTheUpload()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var client = exchange.CreateClientAs("demo-sw-352", "dfe:352");
        static string Pointer(string master, string type) =>
            "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:test:la352\",\"value\":\"" + master + "\"},\"status\":\"current\"," +
            "\"type\":{\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"" + type + "\"}]}," +
            "\"subject\":{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9434765919\"}}," +
            "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"url\":\"https://la352.example/" + master + "\"}}]}";
        var ndjson = Pointer("cpp-1", "child-protection-plan") + "\n" + Pointer("pi-1", "police-incident") + "\n";

        var response = await client.PostAsync("/api/imports/fhir?fileName=la352.ndjson", new StringContent(ndjson, Encoding.UTF8, "application/fhir+ndjson"), TestContext.Current.CancellationToken);
        var again = await client.PostAsync("/api/imports/fhir?fileName=la352.ndjson", new StringContent(ndjson, Encoding.UTF8, "application/fhir+ndjson"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, again.StatusCode));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((1, 1), (result.GetProperty("accepted").GetInt32(), result.GetProperty("rejected").GetInt32()));
        var batchId = result.GetProperty("batchId").GetInt64();
        var errors = await client.GetStringAsync($"/api/imports/{batchId}/errors", TestContext.Current.CancellationToken);
        Assert.Contains("\"line\":2", errors, StringComparison.Ordinal);
        Assert.Contains("police-incident", errors, StringComparison.Ordinal);
        var audit = exchange.Services.GetRequiredService<GmConnect.Governance.Audit.AuditTrail>();
        var entries = await audit.SearchAsync(new GmConnect.Governance.Audit.AuditQuery(PractitionerId: "demo-sw-352"), TestContext.Current.CancellationToken);
        Assert.Contains(entries, e => e.Record.Detail == $"import:fhir;batch={batchId};outcome=Imported;accepted=1;rejected=1");
        Assert.Contains(entries, e => e.Record.Detail == "locator:pointer-upsert-bulk;count=1;created=1;updated=0" && e.Record.OrganisationId == "dfe:352");
    }

    [Fact]
    public async Task PostFhir_NotFhir_ProblemDetails400()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

        var response = await exchange.CreateClientAs().PostAsync("/api/imports/fhir", new StringContent("source,record_id\n1,2\n", Encoding.UTF8, "application/fhir+ndjson"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostPersonRecords_NotAPersonRecordsFile_ProblemDetails400()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var client = exchange.CreateClientAs();

        var response = await client.PostAsync("/api/imports/person-records", new StringContent("name,age\nx,1\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unknown column 'name'", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class ApiAuthenticationTests
{
    [Theory]
    [InlineData("/api/imports")]
    [InlineData("/governance/agreements")]
    public async Task Get_WithoutToken_401NotARedirect(string path)
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var client = exchange.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetAgreements_WithDevelopmentToken_ListsTheShippedAgreements()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

        var agreements = await exchange.CreateClientAs().GetFromJsonAsync<JsonElement>("/governance/agreements", TestContext.Current.CancellationToken);

        Assert.Contains(agreements.EnumerateArray(), a => a.GetProperty("id").GetString() == "isa-gm-safeguarding");
    }

    [Fact]
    public async Task Get_TokenSignedByAnotherKey_401()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        using var stranger = GmConnect.Governance.Tokens.DevelopmentTokenIssuer.LoadOrCreate(Path.Combine(Path.GetTempPath(), "gmc-test-keys", Guid.NewGuid().ToString("N") + ".pem"), TimeProvider.System);
        var client = exchange.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            stranger.Issue("demo-sw-352", "dfe:352", "social-worker", GmConnect.Governance.Decisions.Purpose.Safeguarding, TimeSpan.FromMinutes(5)));

        var response = await client.GetAsync("/api/imports", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
