using System.Net;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>Patient read and PDQm search, Person read, from the HTTP side, with Governance deciding every result.</summary>
public sealed class PatientApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadPatient_OwnOrganisationsRecord_PatientWithValidIdentifiersAndAudited()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var id = IdentityFixture.PatientId(IdentityFixture.JaneSocialCare);

        var patient = await FhirHttp.ReadAsync<Patient>(await exchange.CreateClientAs().GetAsync($"/fhir/Patient/{id}", Ct));

        Assert.Equal(id, patient.Id);
        Assert.Contains(patient.Identifier, i => i.System == IdentifierSystems.NhsNumber && i.Value == IdentityFixture.JaneNhs);
        Assert.Contains(patient.Identifier, i => i.System == "urn:gmconnect:source:la:352:socialcare" && i.Value == "SC1");
        Assert.Equal("Smith", patient.Name.Single().Family);
        Assert.Equal(["Jane", "Ann"], patient.Name.Single().Given);
        Assert.Equal("1984-03-07", patient.BirthDate);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        Assert.Equal("M1 1AA", patient.Address.Single().PostalCode);
        var personId = await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneSocialCare);
        var audit = await exchange.Services.GetRequiredService<AuditTrail>().SearchAsync(new AuditQuery(PersonId: personId), Ct);
        Assert.Contains(audit, e => e.Record.EventType == AuditEventType.Read && e.Record.Outcome == "permit" && e.Record.PractitionerId == "demo-sw-352");
    }

    [Fact]
    public async Task ReadPatient_CustodianInNoAgreement_403OperationOutcomeWithReasonAndAuditedDeny()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(
            await exchange.CreateClientAs().GetAsync($"/fhir/Patient/{IdentityFixture.PatientId(IdentityFixture.JaneGp)}", Ct), HttpStatusCode.Forbidden);

        Assert.Equal(OperationOutcome.IssueType.Forbidden, outcome.Issue.Single().Code);
        Assert.Contains("no-agreement", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
        var personId = await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneGp);
        var audit = await exchange.Services.GetRequiredService<AuditTrail>().SearchAsync(new AuditQuery(PersonId: personId), Ct);
        Assert.Contains(audit, e => e.Record.EventType == AuditEventType.Read && e.Record.Outcome == "deny");
    }

    [Fact]
    public async Task ReadPatient_ProtectedAddress_AddressAndTelecomRemovedAndTaggedRedacted()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        await IdentityFixture.ProtectAddressAsync(exchange, await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneSocialCare));

        var patient = await FhirHttp.ReadAsync<Patient>(await exchange.CreateClientAs().GetAsync($"/fhir/Patient/{IdentityFixture.PatientId(IdentityFixture.JaneSocialCare)}", Ct));

        Assert.Empty(patient.Address);
        Assert.Empty(patient.Telecom);
        Assert.Equal("Smith", patient.Name.Single().Family);
        Assert.Contains(patient.Meta!.Security, c => c.Code == "REDACTED");
    }

    [Theory]
    [InlineData("/fhir/Patient/la-3A352-3Asocialcare-7CSC1")]
    [InlineData("/fhir/Patient?family=Smith")]
    [InlineData("/fhir/Person/p1")]
    [InlineData("/fhir/Patient/$ihe-pix?sourceIdentifier=https://fhir.nhs.uk/Id/nhs-number|9434765919")]
    public async Task Get_WithoutToken_401OperationOutcome(string path)
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var response = await exchange.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path, Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Unauthorized);
        Assert.Equal(OperationOutcome.IssueType.Login, outcome.Issue.Single().Code);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ReadPatient_UnknownOrMalformedId_404OperationOutcome()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var client = exchange.CreateClientAs();

        await FhirHttp.ReadAsync<OperationOutcome>(await client.GetAsync("/fhir/Patient/gp-3AP84001-7CNOPE", Ct), HttpStatusCode.NotFound);
        await FhirHttp.ReadAsync<OperationOutcome>(await client.GetAsync("/fhir/Patient/not-an-id", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SearchPatients_ByFamilyExact_PermittedOnlyTotalAndScores()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().GetAsync("/fhir/Patient?family=smith&birthdate=1984-03-07", Ct));

        // Three Jane Smith records; the GP's is in no agreement with Manchester, so it is neither shown nor counted.
        Assert.Equal(2, bundle.Total);
        Assert.Equal(
            new[] { IdentityFixture.PatientId(IdentityFixture.JaneSocialCare), IdentityFixture.PatientId(IdentityFixture.JanePolice) }.Order(StringComparer.Ordinal),
            bundle.Entry.Select(e => e.Resource!.Id).Order(StringComparer.Ordinal));
        Assert.All(bundle.Entry, e => Assert.Equal(1m, e.Search!.Score));
    }

    [Fact]
    public async Task SearchPatients_Paging_TotalAcrossPagesAndNextLink()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var client = exchange.CreateClientAs();

        var first = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?family=Smith&_count=1", Ct));
        var next = first.Link.Single(l => l.Relation == "next").Url;
        var second = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync(new Uri(next!).PathAndQuery, Ct));

        Assert.Equal(2, first.Total);
        Assert.Single(first.Entry);
        Assert.Single(second.Entry);
        Assert.NotEqual(first.Entry[0].Resource!.Id, second.Entry[0].Resource!.Id);
        Assert.DoesNotContain(second.Link, l => l.Relation == "next");
    }

    [Fact]
    public async Task SearchPatients_FuzzyMode_ScoredBelowOne()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().GetAsync("/fhir/Patient?family=Smith&given=Janet&_fuzzy-match=true", Ct));

        Assert.NotEmpty(bundle.Entry);
        Assert.All(bundle.Entry, e => Assert.InRange(e.Search!.Score!.Value, 0m, 0.9999m));
    }

    [Fact]
    public async Task SearchPatients_FuzzyMisspeltNameAndSwappedBirthDate_FindsThePersonWithAScore()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        // Jane Smith was born on 7 March 1984: the caller misspells her surname and gives the date as 3 July.
        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().GetAsync("/fhir/Patient?family=Smyth&given=Jane&birthdate=1984-07-03&_fuzzy-match=true", Ct));

        Assert.Equal(
            new[] { IdentityFixture.PatientId(IdentityFixture.JaneSocialCare), IdentityFixture.PatientId(IdentityFixture.JanePolice) }.Order(StringComparer.Ordinal),
            bundle.Entry.Take(2).Select(e => e.Resource!.Id).Order(StringComparer.Ordinal));
        Assert.All(bundle.Entry.Take(2), e => Assert.InRange(e.Search!.Score!.Value, 0.0001m, 0.9999m));
        Assert.DoesNotContain(bundle.Entry, e => e.Resource!.Id == IdentityFixture.PatientId(IdentityFixture.JohnSocialCare));
    }

    [Fact]
    public async Task SearchPatients_ByPostcode_ProtectedAddressPersonNeitherReturnedNorCounted()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var client = exchange.CreateClientAs();
        var before = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?address-postalcode=M1%201AA", Ct));
        await IdentityFixture.ProtectAddressAsync(exchange, await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneSocialCare));

        var after = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?address-postalcode=M1%201AA", Ct));
        var byName = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?family=Smith", Ct));

        Assert.Equal(2, before.Total);
        Assert.Equal(0, after.Total);
        Assert.Empty(after.Entry);
        // A name search still finds her, with the address removed.
        Assert.Equal(2, byName.Total);
        Assert.All(byName.Entry, e => Assert.Empty(((Patient)e.Resource!).Address));
    }

    [Fact]
    public async Task SearchPatients_ByIdentifier_TheRecordsCarryingIt()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().GetAsync($"/fhir/Patient?identifier=urn:gmconnect:source:police:gmp|PN1", Ct));

        Assert.Equal(IdentityFixture.PatientId(IdentityFixture.JanePolice), Assert.Single(bundle.Entry).Resource!.Id);
    }

    [Theory]
    [InlineData("/fhir/Patient?name=Smith", OperationOutcome.IssueType.NotSupported)]
    [InlineData("/fhir/Patient?family:exact=Smith", OperationOutcome.IssueType.NotSupported)]
    [InlineData("/fhir/Patient?birthdate=gt1984-01-01", OperationOutcome.IssueType.NotSupported)]
    [InlineData("/fhir/Patient?birthdate=1984-13-01", OperationOutcome.IssueType.Invalid)]
    [InlineData("/fhir/Patient?gender=female", OperationOutcome.IssueType.Invalid)]
    [InlineData("/fhir/Patient?_count=x&family=Smith", OperationOutcome.IssueType.Invalid)]
    public async Task SearchPatients_BadParameters_400OperationOutcome(string path, OperationOutcome.IssueType code)
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(await exchange.CreateClientAs().GetAsync(path, Ct), HttpStatusCode.BadRequest);

        Assert.Equal(code, outcome.Issue.Single().Code);
    }

    [Fact]
    public async Task SearchPatients_DirectCareWithoutInvolvement_NothingShownAndWithheldCountAudited()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var clinician = exchange.CreateClientAs("demo-clinician-r0a", "ods:R0A", "clinician", Purpose.DirectCare);

        var bundle = await FhirHttp.ReadAsync<Bundle>(await clinician.GetAsync("/fhir/Patient?family=Smith", Ct));

        // Direct care needs a current involvement of the trust with the person: there is none.
        Assert.Equal(0, bundle.Total);
        var audit = await exchange.Services.GetRequiredService<AuditTrail>().SearchAsync(new AuditQuery(PractitionerId: "demo-clinician-r0a"), Ct);
        Assert.Contains(audit, e => e.Record.EventType == AuditEventType.Search && e.Record.WithheldCount == 3);
    }

    [Fact]
    public async Task ReadPerson_LinksToPermittedPatientsOnly()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var personId = await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneSocialCare);

        var person = await FhirHttp.ReadAsync<Person>(await exchange.CreateClientAs().GetAsync($"/fhir/Person/{personId}", Ct));

        Assert.Equal(
            new[] { IdentityFixture.JanePolice, IdentityFixture.JaneSocialCare }.Select(k => "Patient/" + IdentityFixture.PatientId(k)).Order(StringComparer.Ordinal),
            person.Link.Select(l => l.Target.Reference).Order(StringComparer.Ordinal));
        Assert.Contains(person.Identifier, i => i.System == IdentifierSystems.Person && i.Value == personId);
        Assert.Contains(person.Identifier, i => i.System == IdentifierSystems.PncId && i.Value == "98/1234567A");
    }

    [Fact]
    public async Task ReadPerson_EveryRecordDenied_403()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var personId = await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JohnSocialCare);

        var response = await exchange.CreateClientAs("demo-clinician-r0a", "ods:R0A", "clinician", Purpose.DirectCare).GetAsync($"/fhir/Person/{personId}", Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Forbidden);
        Assert.Contains("withheld", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }
}
