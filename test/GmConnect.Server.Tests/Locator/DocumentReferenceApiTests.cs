using System.Net;
using GmConnect.Server.Tests.Adversarial;
using GmConnect.Server.Tests.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static GmConnect.Server.Tests.Adversarial.LocatorExchange;

namespace GmConnect.Server.Tests.Locator;

/// <summary>The DocumentReference API's shape: GET search with filters and paging, upsert, supersede, bad requests.</summary>
public sealed class DocumentReferenceApiTests : IAsyncLifetime
{
    private LocatorExchange _exchange = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _exchange = await StartAsync();

    public ValueTask DisposeAsync() => _exchange.DisposeAsync();

    [Fact]
    public async Task GetSearch_FiltersAndPaging_PagesPermittedOnlyWithNextLink()
    {
        var manchester = _exchange.ManchesterSocialWorker();
        for (var i = 0; i < 3; i++)
        {
            await PublishAsync(manchester, "child-protection-plan");
        }

        await PublishAsync(manchester, "child-in-need-plan");

        var response = await manchester.GetAsync(
            $"/fhir/DocumentReference?subject:identifier={Nhs}|{ChildNhs}&type=urn:gmconnect:record-type|child-protection-plan&custodian=dfe:352&period=ge2026-01-01&_count=2", Ct);
        var bundle = await FhirHttp.ReadAsync<Bundle>(response);

        Assert.Equal(3, bundle.Total);
        Assert.Equal(2, Matches(bundle).Count);
        Assert.All(Matches(bundle), d => Assert.Equal("child-protection-plan", d.Type!.Coding[0].Code));
        Assert.Contains("_offset=2", bundle.Link.Single(l => l.Relation == "next").Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSearch_WithheldPointers_OutcomeEntrySaysHowManyAndWhyNeverWhich()
    {
        await PublishAsync(_exchange.SalfordSocialWorker(), "youth-justice-order");
        await PublishAsync(_exchange.SalfordSocialWorker(), "youth-justice-order");
        await PublishAsync(_exchange.ManchesterSocialWorker(), "child-protection-plan");

        var bundle = await SearchAsync(_exchange.PoliceOfficer());

        Assert.Equal(1, bundle.Total);
        Assert.Single(Matches(bundle));
        Assert.Equal("2 records withheld: 2 no sharing agreement in force covers it for this purpose", Withheld(bundle)!.Issue[0].Diagnostics);
        Assert.DoesNotContain("youth-justice", GmConnect.Server.Fhir.Infrastructure.FhirJson.Serialize(bundle), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_SameMasterIdentifier_CreatesThenUpdates()
    {
        var manchester = _exchange.ManchesterSocialWorker();
        var pointer = Pointer("child-in-need-plan");
        pointer.MasterIdentifier = new Identifier("urn:la352:cin", "case-77");

        var created = await manchester.PutAsync("/fhir/DocumentReference", FhirHttp.Json(pointer), Ct);
        pointer.Description = "Reviewed";
        var updated = await manchester.PutAsync("/fhir/DocumentReference", FhirHttp.Json(pointer), Ct);

        var first = await FhirHttp.ReadAsync<DocumentReference>(created, HttpStatusCode.Created);
        var second = await FhirHttp.ReadAsync<DocumentReference>(updated);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("2", second.Meta!.VersionId);
    }

    [Fact]
    public async Task Create_RelatesToReplaces_SupersedesTheOldPointer()
    {
        var manchester = _exchange.ManchesterSocialWorker();
        var old = await PublishAsync(manchester, "child-protection-plan");
        var replacement = Pointer("child-protection-plan");
        replacement.RelatesTo = [new DocumentReference.RelatesToComponent { Code = DocumentRelationshipType.Replaces, Target = new ResourceReference("DocumentReference/" + old) }];

        var created = await FhirHttp.ReadAsync<DocumentReference>(await manchester.PostAsync("/fhir/DocumentReference", FhirHttp.Json(replacement), Ct), HttpStatusCode.Created);
        var oldNow = await FhirHttp.ReadAsync<DocumentReference>(await manchester.GetAsync($"/fhir/DocumentReference/{old}", Ct));

        Assert.Equal(DocumentReferenceStatus.Superseded, oldNow.Status);
        Assert.Equal(created.Id, Assert.Single(Matches(await SearchAsync(manchester))).Id);
    }

    [Theory]
    [InlineData("/fhir/DocumentReference?type=child-protection-plan")]
    [InlineData("/fhir/DocumentReference?subject:identifier=nobar")]
    [InlineData("/fhir/DocumentReference?subject:identifier=a|b&colour=red")]
    [InlineData("/fhir/DocumentReference?subject:identifier=a|b&period=2026-13-01")]
    [InlineData("/fhir/DocumentReference?subject:identifier=a|b&_count=0")]
    public async Task GetSearch_BadParameters_BadRequestOutcome(string url)
    {
        var response = await _exchange.ManchesterSocialWorker().GetAsync(url, Ct);

        await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_MalformedPointer_BadRequestNamingTheFields()
    {
        var pointer = Pointer("child-protection-plan");
        pointer.Subject = null;
        pointer.Context!.Period = new Period { Start = "2026-05-01", End = "2026-04-01" };

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(
            await _exchange.ManchesterSocialWorker().PostAsync("/fhir/DocumentReference", FhirHttp.Json(pointer), Ct), HttpStatusCode.BadRequest);

        Assert.Contains("subject:", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
        Assert.Contains("context.period", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }
}
