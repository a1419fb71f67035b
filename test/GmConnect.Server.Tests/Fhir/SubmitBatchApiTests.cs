using System.Net;
using GmConnect.Identity.Manager;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary><c>POST /fhir/Patient/$submit-batch</c>: an organisation's own source records in, matched and stored as one batch.</summary>
public sealed class SubmitBatchApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitBatch_OwnRecords_OneResponseEntryPerPatientInOrderAndMatched()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var janeAgain = Patient("SC3", "Jane", "Smith", "1984-03-07", IdentityFixture.JaneNhs);
        var janeChanged = Patient("SC1", "Jane", "Smith", "1984-03-07", IdentityFixture.JaneNhs);
        janeChanged.Address.Add(new Address { PostalCode = "M1 1AA", Text = "2 Test Street, Manchester" });

        var response = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().PostAsync("/fhir/Patient/$submit-batch", FhirHttp.Json(Batch(janeAgain, janeChanged)), Ct));

        Assert.Equal(Bundle.BundleType.BatchResponse, response.Type);
        Assert.Equal(["201 Created", "200 OK"], response.Entry.Select(e => e.Response!.Status));
        Assert.Equal(
            new[] { "SC3", "SC1" }.Select(id => "Patient/" + IdentityFixture.PatientId(new SourceRecordKey("la:352:socialcare", id))),
            response.Entry.Select(e => e.Response!.Location));
        var identity = exchange.Services.GetRequiredService<IIdentityManager>();
        Assert.Equal(await IdentityFixture.PersonIdOfAsync(exchange, IdentityFixture.JaneSocialCare), (await identity.GetRecordAsync(new SourceRecordKey("la:352:socialcare", "SC3"), Ct))!.PersonId);
        Assert.Equal(2, (await identity.GetRecordAsync(IdentityFixture.JaneSocialCare, Ct))!.Version);
    }

    [Fact]
    public async Task SubmitBatch_ARecordOfAnotherOrganisationsSource_ForbiddenAndNothingStored()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var own = Patient("SC4", "Amir", "Khan", "2001-05-06", null);
        var gp = Patient("G9", "Amir", "Khan", "2001-05-06", null);
        gp.Identifier[0].System = "urn:gmconnect:source:gp:P84001";

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(
            await exchange.CreateClientAs().PostAsync("/fhir/Patient/$submit-batch", FhirHttp.Json(Batch(own, gp)), Ct), HttpStatusCode.Forbidden);

        Assert.Contains("entry[1]", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
        Assert.Null(await exchange.Services.GetRequiredService<IIdentityManager>().GetRecordAsync(new SourceRecordKey("la:352:socialcare", "SC4"), Ct));
    }

    [Fact]
    public async Task SubmitBatch_PatientWithoutASourceIdentifier_BadRequestNamingTheEntry()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var nameless = Patient("SC5", "Ola", "Nowak", "1999-09-09", null);
        nameless.Identifier.Clear();

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(
            await exchange.CreateClientAs().PostAsync("/fhir/Patient/$submit-batch", FhirHttp.Json(Batch(nameless)), Ct), HttpStatusCode.BadRequest);

        Assert.Equal(OperationOutcome.IssueType.Invalid, outcome.Issue.Single().Code);
        Assert.Contains("entry[0]", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    private static Patient Patient(string id, string given, string family, string birthDate, string? nhs)
    {
        var patient = new Patient
        {
            Identifier = [new Identifier("urn:gmconnect:source:la:352:socialcare", id)],
            Name = [new HumanName { Family = family, Given = [given] }],
            Gender = AdministrativeGender.Female,
            BirthDate = birthDate,
        };
        if (nhs is not null)
        {
            patient.Identifier.Add(new Identifier(IdentifierSystems.NhsNumber, nhs));
        }

        return patient;
    }

    private static Bundle Batch(params Patient[] patients)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Batch };
        foreach (var patient in patients)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = patient, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" } });
        }

        return bundle;
    }
}
