using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Server.Fhir.Binaries;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir.Binaries;

/// <summary>The Repository from the HTTP side: publish as a custodian, read through Governance, integrity, holds.</summary>
public sealed class BinaryApiTests : IAsyncLifetime
{
    private ExchangeFactory _exchange = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

    public async ValueTask DisposeAsync() => await _exchange.DisposeAsync();

    [Fact]
    public async Task Post_ByASocialWorker_CreatesVersion1WithTheCallersOrganisationAsCustodian()
    {
        var response = await Publisher().PostAsync("/fhir/Binary", FhirHttp.Json(Content("plan text")), Ct);

        var created = await FhirHttp.ReadAsync<Binary>(response, HttpStatusCode.Created);
        Assert.Equal("1", created.Meta?.VersionId);
        Assert.Equal($"/fhir/Binary/{created.Id}/_history/1", response.Headers.Location?.OriginalString);
        var item = await _exchange.Services.GetRequiredService<ContentRepository>().GetAsync(created.Id!, Ct);
        Assert.Equal(("dfe:352", "person-http"), (item!.CustodianId, item.PersonKey));
    }

    [Fact]
    public async Task Get_PermittedClinician_GetsRawContentOrFhirJsonByAcceptHeader()
    {
        var id = await PublishAsync("crisis plan for the weekend");
        var clinician = _exchange.CreateClientAs("demo-clinician-r0a", "ods:R0A", "clinician");

        var raw = await clinician.GetAsync($"/fhir/Binary/{id}", Ct);
        var json = await clinician.SendAsync(Get($"/fhir/Binary/{id}/_history/1", "application/fhir+json"), Ct);

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("text/plain", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("crisis plan for the weekend", await raw.Content.ReadAsStringAsync(Ct));
        var binary = await FhirHttp.ReadAsync<Binary>(json);
        Assert.Equal("crisis plan for the weekend", Encoding.UTF8.GetString(binary.Data!));
        var reads = (await _exchange.Services.GetRequiredService<AuditTrail>().SearchAsync(new AuditQuery(PractitionerId: "demo-clinician-r0a"), Ct))
            .Where(e => e.Record.EventType == AuditEventType.Read).ToList();
        Assert.Contains(reads, e => e.Record.Outcome == "permit");
        Assert.Contains(reads, e => e.Record.Outcome == "success" && e.Record.Detail!.StartsWith("served version:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_NoAgreementForTheCategory_Is403WithTheReasonAndNoContent()
    {
        // No demo agreement names youth justice orders: only their custodian may read them.
        var id = await PublishAsync("order details", category: "youth-justice-order");

        var response = await _exchange.CreateClientAs("demo-clinician-r0a", "ods:R0A", "clinician").GetAsync($"/fhir/Binary/{id}", Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("Access denied: ", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.Contains("-not-in-agreement", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("order details", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        var custodian = await Publisher().GetAsync($"/fhir/Binary/{id}", Ct);
        Assert.Equal("order details", await custodian.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_TamperedBytes_Is500IntegrityFailureAndServesNothing()
    {
        var id = await PublishAsync("true record");
        await using (var connection = await _exchange.Services.GetRequiredService<Store>().OpenConnectionAsync(Ct))
        {
            await connection.Command("DROP TRIGGER repo_version_immutable").ExecuteNonQueryAsync(Ct);
            await connection.Command("UPDATE repo_version SET bytes = @b WHERE content_id = @id").With("b", Encoding.UTF8.GetBytes("forged record")).With("id", id).ExecuteNonQueryAsync(Ct);
        }

        var response = await Publisher().GetAsync($"/fhir/Binary/{id}", Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.InternalServerError);
        Assert.Contains("integrity check", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_SameBytesThenNewBytes_KeepsVersion1ThenAddsVersion2()
    {
        var id = await PublishAsync("v1");

        var same = await Publisher().PutAsync($"/fhir/Binary/{id}", FhirHttp.Json(Content("v1")), Ct);
        var changed = await Publisher().PutAsync($"/fhir/Binary/{id}", FhirHttp.Json(Content("v2")), Ct);

        Assert.Equal("1", (await FhirHttp.ReadAsync<Binary>(same)).Meta?.VersionId);
        Assert.Equal("2", (await FhirHttp.ReadAsync<Binary>(changed, HttpStatusCode.Created)).Meta?.VersionId);
        Assert.Equal("v1", await (await Publisher().GetAsync($"/fhir/Binary/{id}/_history/1", Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal("v2", await (await Publisher().GetAsync($"/fhir/Binary/{id}", Ct)).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Put_ByAnotherOrganisation_Is403()
    {
        var id = await PublishAsync("Manchester's plan");

        var response = await _exchange.CreateClientAs("demo-sw-355", "dfe:355").PutAsync($"/fhir/Binary/{id}", FhirHttp.Json(Content("Salford's edit")), Ct);

        await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_WithoutTheSubjectExtension_Is400NamingIt()
    {
        var binary = Content("x");
        binary.Meta!.Extension.RemoveAll(e => e.Url!.EndsWith("subject-person", StringComparison.Ordinal));

        var response = await Publisher().PostAsync("/fhir/Binary", FhirHttp.Json(binary), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.BadRequest);
        Assert.Contains("subject-person", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutToken_Is401()
    {
        var response = await _exchange.CreateClient().GetAsync("/fhir/Binary/anything", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sweep_ExpiredContentOnHold_IsKeptUntilTheHoldIsCleared()
    {
        // Born 1990, last active 2014: kept to the 25th birthday in 2015, long expired.
        var id = await PublishAsync("old plan", lastActivity: "2014-03-01", retention: RetentionClasses.Until25thBirthday);
        var repository = _exchange.Services.GetRequiredService<ContentRepository>();
        var sweeper = _exchange.Services.GetRequiredService<RetentionSweeper>();
        var officer = new Actor("demo-ig-352", "dfe:352", "ig-officer");
        await repository.SetLegalHoldAsync(id, "inquiry preservation order", officer, Ct);

        var whileHeld = await sweeper.SweepAsync(cancellationToken: Ct);
        var readWhileHeld = await Publisher().GetAsync($"/fhir/Binary/{id}", Ct);
        await repository.ClearLegalHoldAsync(id, "order discharged", officer, Ct);
        var afterRelease = await sweeper.SweepAsync(cancellationToken: Ct);
        var readAfter = await Publisher().GetAsync($"/fhir/Binary/{id}", Ct);

        Assert.Equal((0, 1), (whileHeld.Deleted, whileHeld.Held));
        Assert.Equal(HttpStatusCode.OK, readWhileHeld.StatusCode);
        Assert.Equal(1, afterRelease.Deleted);
        Assert.Equal(HttpStatusCode.NotFound, readAfter.StatusCode);
    }

    private HttpClient Publisher() => _exchange.CreateClientAs("demo-sw-352", "dfe:352", "social-worker");

    private async Task<string> PublishAsync(string text, string category = "child-protection-plan", string? lastActivity = null, string retention = RetentionClasses.DobPlus31Years)
    {
        var response = await Publisher().PostAsync("/fhir/Binary", FhirHttp.Json(Content(text, category, lastActivity, retention)), Ct);
        return (await FhirHttp.ReadAsync<Binary>(response, HttpStatusCode.Created)).Id!;
    }

    private static HttpRequestMessage Get(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private static Binary Content(string text, string category = "child-protection-plan", string? lastActivity = null, string retention = RetentionClasses.DobPlus31Years)
    {
        var meta = new Meta();
        meta.AddExtension(BinaryMetadata.ExtensionBase + "subject-person", new FhirString("person-http"));
        meta.AddExtension(BinaryMetadata.ExtensionBase + "subject-birth-date", new Date("1990-06-01"));
        meta.AddExtension(BinaryMetadata.ExtensionBase + "record-type", new Code(category == "child-protection-plan" ? "child-protection-plan" : "youth-justice-order"));
        meta.AddExtension(BinaryMetadata.ExtensionBase + "category", new Code(category));
        meta.AddExtension(BinaryMetadata.ExtensionBase + "retention-class", new Code(retention));
        if (lastActivity is not null)
        {
            meta.AddExtension(BinaryMetadata.ExtensionBase + "last-activity", new Date(lastActivity));
        }

        return new Binary { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(text), Meta = meta };
    }
}
