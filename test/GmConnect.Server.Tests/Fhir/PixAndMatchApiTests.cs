using System.Net;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>IHE PIXm ($ihe-pix) and $match from the HTTP side.</summary>
public sealed class PixAndMatchApiTests
{
    private const string NhsSystem = "https://fhir.nhs.uk/Id/nhs-number";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pix_ByNhsNumber_OtherIdentifiersOfPermittedRecordsOnly()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var result = await FhirHttp.ReadAsync<Parameters>(
            await exchange.CreateClientAs().GetAsync($"/fhir/Patient/$ihe-pix?sourceIdentifier={NhsSystem}|{IdentityFixture.JaneNhs}", Ct));

        var identifiers = result.Parameter.Where(p => p.Name == "targetIdentifier").Select(p => (Identifier)p.Value!).Select(i => $"{i.System}|{i.Value}").ToList();
        Assert.Contains("urn:gmconnect:source:la:352:socialcare|SC1", identifiers);
        Assert.Contains("urn:gmconnect:source:police:gmp|PN1", identifiers);
        Assert.Contains(IdentifierSystems.PncId + "|98/1234567A", identifiers);
        Assert.Contains(identifiers, i => i.StartsWith(IdentifierSystems.Person + "|", StringComparison.Ordinal));
        // The GP's record is in no agreement with the caller; the source identifier itself is not echoed.
        Assert.DoesNotContain("urn:gmconnect:source:gp:P84001|G1", identifiers);
        Assert.DoesNotContain(identifiers, i => i.StartsWith(NhsSystem, StringComparison.Ordinal));
        var targets = result.Parameter.Where(p => p.Name == "targetId").Select(p => ((ResourceReference)p.Value!).Reference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { IdentityFixture.JanePolice, IdentityFixture.JaneSocialCare }.Select(k => "Patient/" + IdentityFixture.PatientId(k)).Order(StringComparer.Ordinal), targets);
    }

    [Fact]
    public async Task Pix_TargetSystem_OnlyThatSystem()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var result = await FhirHttp.ReadAsync<Parameters>(await exchange.CreateClientAs().GetAsync(
            $"/fhir/Patient/$ihe-pix?sourceIdentifier=urn:gmconnect:source:la:352:socialcare|SC1&targetSystem={IdentifierSystems.PncId}", Ct));

        var identifier = (Identifier)Assert.Single(result.Parameter, p => p.Name == "targetIdentifier").Value!;
        Assert.Equal("98/1234567A", identifier.Value);
        Assert.Equal("Patient/" + IdentityFixture.PatientId(IdentityFixture.JanePolice), ((ResourceReference)Assert.Single(result.Parameter, p => p.Name == "targetId").Value!).Reference);
    }

    [Fact]
    public async Task Pix_Post_SameAnswerAsGet()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var client = exchange.CreateClientAs();
        var body = new Parameters();
        body.Add("sourceIdentifier", new Identifier(NhsSystem, IdentityFixture.JaneNhs));
        body.Add("targetSystem", new FhirUri(IdentifierSystems.PncId));

        var posted = await FhirHttp.ReadAsync<Parameters>(await client.PostAsync("/fhir/Patient/$ihe-pix", FhirHttp.Json(body), Ct));
        var got = await FhirHttp.ReadAsync<Parameters>(await client.GetAsync($"/fhir/Patient/$ihe-pix?sourceIdentifier={NhsSystem}|{IdentityFixture.JaneNhs}&targetSystem={IdentifierSystems.PncId}", Ct));

        Assert.Equal(FhirJson.Serialize(got), FhirJson.Serialize(posted));
    }

    [Theory]
    [InlineData("sourceIdentifier=urn:example:unknown|1", HttpStatusCode.BadRequest, OperationOutcome.IssueType.CodeInvalid)]
    [InlineData("sourceIdentifier=https://fhir.nhs.uk/Id/nhs-number|4010232137", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("sourceIdentifier=https://fhir.nhs.uk/Id/nhs-number|9434765919&targetSystem=urn:example:unknown", HttpStatusCode.Forbidden, OperationOutcome.IssueType.CodeInvalid)]
    [InlineData("sourceIdentifier=9434765919", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    public async Task Pix_Refusals_AsIti83Says(string query, HttpStatusCode status, OperationOutcome.IssueType code)
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(await exchange.CreateClientAs().GetAsync("/fhir/Patient/$ihe-pix?" + query, Ct), status);

        Assert.Equal(code, outcome.Issue.Single().Code);
    }

    [Fact]
    public async Task Match_JaneAgain_CertainCandidatesWithGradeAndScore()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().PostAsync("/fhir/Patient/$match", FhirHttp.Json(MatchParameters(Jane())), Ct));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(2, bundle.Total);
        Assert.All(bundle.Entry, e =>
        {
            Assert.Equal("certain", Assert.IsType<Code>(e.Search!.GetExtension(FhirBundles.MatchGradeExtension)!.Value).Value);
            Assert.InRange(e.Search!.Score!.Value, 0.99m, 1m);
        });
    }

    [Fact]
    public async Task Match_OnlySingleMatchWithTwoCertain_NothingAndAnInformationalOutcome()
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().PostAsync("/fhir/Patient/$match", FhirHttp.Json(MatchParameters(Jane(), onlySingle: true)), Ct));

        Assert.Equal(0, bundle.Total);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(OperationOutcome.IssueSeverity.Information, outcome.Issue.Single().Severity);
    }

    [Fact]
    public async Task Match_OnlySingleMatchWithOneCertain_ThatOne()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var john = new Patient { Gender = AdministrativeGender.Male, BirthDate = "1990-01-02", Name = [new HumanName { Family = "Doe", Given = ["John"] }] };

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().PostAsync("/fhir/Patient/$match", FhirHttp.Json(MatchParameters(john, onlySingle: true)), Ct));

        // The real model decides whether John's name, sex and birth date alone are certain: either he alone, or nothing with a note.
        var patients = bundle.Entry.Where(e => e.Resource is Patient).ToList();
        Assert.True(patients.Count <= 1);
        Assert.All(patients, e => Assert.Equal(IdentityFixture.PatientId(IdentityFixture.JohnSocialCare), e.Resource!.Id));
        Assert.True(patients.Count == 1 || bundle.Entry.Any(e => e.Resource is OperationOutcome));
    }

    [Fact]
    public async Task Match_PartialAgreement_LowerGrades()
    {
        await using var exchange = await IdentityFixture.CreateAsync();
        var probe = new Patient { BirthDate = "1984-03-07", Name = [new HumanName { Family = "Smyth", Given = ["Jane"] }] };

        var bundle = await FhirHttp.ReadAsync<Bundle>(await exchange.CreateClientAs().PostAsync("/fhir/Patient/$match", FhirHttp.Json(MatchParameters(probe)), Ct));

        Assert.NotEmpty(bundle.Entry);
        Assert.All(bundle.Entry, e => Assert.NotEqual("certain", Assert.IsType<Code>(e.Search!.GetExtension(FhirBundles.MatchGradeExtension)!.Value).Value));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Parameters\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"resourceType\":\"Patient\",\"bogus\":1}", HttpStatusCode.BadRequest)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    public async Task Match_BadBody_400OperationOutcome(string body, HttpStatusCode status)
    {
        await using var exchange = await IdentityFixture.CreateAsync();

        var response = await exchange.CreateClientAs().PostAsync("/fhir/Patient/$match", new StringContent(body, System.Text.Encoding.UTF8, FhirJson.MediaType), Ct);

        await FhirHttp.ReadAsync<OperationOutcome>(response, status);
    }

    private static Patient Jane() => new()
    {
        Gender = AdministrativeGender.Female,
        BirthDate = "1984-03-07",
        Name = [new HumanName { Family = "Smith", Given = ["Jane"] }],
        Identifier = [new Identifier(NhsSystem, IdentityFixture.JaneNhs)],
    };

    private static Parameters MatchParameters(Patient patient, bool onlySingle = false)
    {
        var parameters = new Parameters();
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "resource", Resource = patient });
        parameters.Add("onlySingleMatch", new FhirBoolean(onlySingle));
        parameters.Add("count", new Integer(10));
        return parameters;
    }
}
