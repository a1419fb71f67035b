using System.Net;
using System.Net.Http.Json;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Sensitivity;
using GmConnect.Server.Tests.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static GmConnect.Server.Tests.Adversarial.LocatorExchange;

namespace GmConnect.Server.Tests.Adversarial;

/// <summary>
/// Issue 5's adversarial suite for pointer reads, from the HTTP side: every way a practitioner should not see a
/// pointer is denied (or redacted) with the right reason in the audit trail, and counted — or, where existence is
/// the secret, not even counted; and each permitted path works. Governance state is set through Governance's own
/// services with the shipped demo configuration.
/// </summary>
public sealed class PointerReadAdversarialTests : IAsyncLifetime
{
    // An organisation with no agreement with anyone, and a social worker there, added per test.
    private const string Yot = "gmc:test-yot";
    private const string YotWorker = "test-yot-sw";

    private LocatorExchange _exchange = null!;
    private string _pointer = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public async ValueTask InitializeAsync()
    {
        _exchange = await StartAsync();
        await _exchange.Governance.SaveOrganisationAsync(Admin, new Organisation(Yot, "Test youth offending team", OrganisationKind.LocalAuthority, "ig@yot.example"), Ct);
        await _exchange.Governance.SavePractitionerAsync(Admin, new GmConnect.Governance.Registries.Practitioner(YotWorker, "Test YOT worker", [new GmConnect.Governance.Registries.PractitionerRole(Yot, "social-worker")]), Ct);
        _pointer = await PublishAsync(_exchange.ManchesterSocialWorker(), "child-protection-plan");
    }

    public ValueTask DisposeAsync() => _exchange.DisposeAsync();

    private HttpClient YotSocialWorker() => _exchange.As(YotWorker, Yot, "social-worker", Purpose.Safeguarding);

    private Task AgreeWithManchesterAsync(AgreementStatus status, DateOnly start, DateOnly? end, params Purpose[] purposes) =>
        _exchange.Governance.SaveAgreementAsync(Admin, new SharingAgreement(
            "isa-test-yot", "Test YOT agreement", [Yot, "dfe:352"], ["child-protection-plan"],
            purposes.Length == 0 ? [Purpose.Safeguarding] : purposes, ["uk-gdpr-6-1-e"], start, end, status,
            [new Signatory(Yot, "Signer", "SIRO", start), new Signatory("dfe:352", "Signer", "SIRO", start)]), Ct);

    /// <summary>Searches as the caller: the pointer is absent; the outcome entry counts one withheld in the category; the audit trail has the reason.</summary>
    private async Task AssertWithheldAsync(HttpClient consumer, string practitioner, string category, string reason)
    {
        var bundle = await SearchAsync(consumer);
        var read = await consumer.GetAsync($"/fhir/DocumentReference/{_pointer}", Ct);

        Assert.Empty(Matches(bundle));
        Assert.Equal(0, bundle.Total);
        var outcome = Withheld(bundle);
        Assert.NotNull(outcome);
        Assert.StartsWith("1 record withheld: 1 ", outcome.Issue[0].Diagnostics!, StringComparison.Ordinal);
        Assert.Equal(category, Assert.Single(outcome.Issue.Skip(1)).Details!.Coding[0].Code);
        Assert.DoesNotContain(_pointer, FhirJson(bundle), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var reasons = await _exchange.AuditedReasonsAsync(_pointer, practitioner);
        Assert.Contains(reasons, r => r.StartsWith("deny:" + reason, StringComparison.Ordinal));
    }

    private static string FhirJson(Resource resource) => GmConnect.Server.Fhir.Infrastructure.FhirJson.Serialize(resource);

    [Fact]
    public async Task Search_NoAgreementBetweenTheOrganisations_WithheldNoAgreement()
    {
        await AssertWithheldAsync(YotSocialWorker(), YotWorker, "agreement", "no-agreement");
    }

    [Fact]
    public async Task Search_AgreementExpired_WithheldAgreementExpired()
    {
        await AgreeWithManchesterAsync(AgreementStatus.Signed, Today.AddYears(-3), Today.AddDays(-1));

        await AssertWithheldAsync(YotSocialWorker(), YotWorker, "agreement", "agreement-expired");
    }

    [Fact]
    public async Task Search_AgreementSuspended_WithheldAgreementSuspended()
    {
        await AgreeWithManchesterAsync(AgreementStatus.Suspended, Today.AddYears(-1), null);

        await AssertWithheldAsync(YotSocialWorker(), YotWorker, "agreement", "agreement-suspended");
    }

    [Fact]
    public async Task Search_AgreementNotYetStarted_WithheldAgreementNotStarted()
    {
        await AgreeWithManchesterAsync(AgreementStatus.Signed, Today.AddDays(30), null);

        await AssertWithheldAsync(YotSocialWorker(), YotWorker, "agreement", "agreement-not-started");
    }

    [Fact]
    public async Task Search_PurposeOutsideTheAgreement_WithheldPurposeNotInAgreement()
    {
        await AgreeWithManchesterAsync(AgreementStatus.Signed, Today.AddYears(-1), null, Purpose.DirectCare);

        await AssertWithheldAsync(YotSocialWorker(), YotWorker, "agreement", "purpose-not-in-agreement");
    }

    [Fact]
    public async Task Search_AgreementInForce_PermittedPath()
    {
        await AgreeWithManchesterAsync(AgreementStatus.Signed, Today.AddYears(-1), null);

        var bundle = await SearchAsync(YotSocialWorker());

        Assert.Equal(_pointer, Assert.Single(Matches(bundle)).Id);
        Assert.Null(Withheld(bundle));
        Assert.Contains(await _exchange.AuditedReasonsAsync(_pointer, YotWorker), r => r.StartsWith("permit:agreement-in-force(isa-test-yot)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_PersonObjected_WithheldObjection_UnlessSafeguardingStatuteOverrides()
    {
        await _exchange.Governance.RecordDirectiveAsync(Admin, "p-child", DirectiveKind.Objection, null, null, null, Ct);

        await AssertWithheldAsync(_exchange.PoliceOfficer(Purpose.CrimePrevention), "demo-officer-06", "objection", "objection");
        var safeguarding = await SearchAsync(_exchange.PoliceOfficer(Purpose.Safeguarding));

        Assert.Equal(_pointer, Assert.Single(Matches(safeguarding)).Id);
        Assert.Contains(await _exchange.AuditedReasonsAsync(_pointer, "demo-officer-06"), r => r.Contains("objection-overridden-by-statute(children-act-1989-s47)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_SealedRecord_ExistenceConcealedEvenFromTheCount()
    {
        await _exchange.Governance.SetPersonLabelsAsync(Admin, "p-child", SensitivityLabels.Sealed, Ct);
        var police = _exchange.PoliceOfficer();

        var bundle = await SearchAsync(police);
        var read = await police.GetAsync($"/fhir/DocumentReference/{_pointer}", Ct);
        var adoption = await SearchAsync(_exchange.ManchesterAdoptionWorker());

        Assert.Empty(Matches(bundle));
        Assert.Equal(0, bundle.Total);
        Assert.Null(Withheld(bundle)); // not even "1 record withheld"
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Contains(await _exchange.AuditedReasonsAsync(_pointer, "demo-officer-06"), r => r.StartsWith("deny:sealed", StringComparison.Ordinal));
        Assert.Equal(_pointer, Assert.Single(Matches(adoption)).Id); // the custodian's adoption service
    }

    [Fact]
    public async Task Search_ProtectedAddress_PointerReturnedRedactedAndAuditedAsRedact()
    {
        // A pointer carries no address, telecom or contact: the redaction removes nothing from it, and the decision
        // is recorded as a redaction. Address-based search is a demographic (PDQ) matter and not part of the Locator:
        // no pointer search takes an address, so a protected-address person cannot be found by one here.
        await _exchange.Governance.SetPersonLabelsAsync(Admin, "p-child", SensitivityLabels.ProtectedAddress, Ct);

        var bundle = await SearchAsync(_exchange.PoliceOfficer());

        var pointer = Assert.Single(Matches(bundle));
        Assert.Equal(_pointer, pointer.Id);
        Assert.Null(Withheld(bundle));
        Assert.Contains(await _exchange.AuditedReasonsAsync(_pointer, "demo-officer-06"), r => r.StartsWith("redact:protected-address-redacted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_DirectCareWithoutCurrentInvolvement_WithheldRelationship_ThenPermittedOnceInvolved()
    {
        var clinician = _exchange.MftClinician();

        await AssertWithheldAsync(clinician, "demo-clinician-r0a", "relationship", "no-current-involvement");
        var registered = await clinician.PostAsJsonAsync("/api/locator/involvements",
            new { subject = new { system = Nhs, value = ChildNhs }, team = "Paediatrics", start = Today.AddDays(-10) }, Ct);
        var after = await SearchAsync(clinician);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(_pointer, Assert.Single(Matches(after)).Id);
    }

    [Fact]
    public async Task Search_PermittedAcrossOrganisations_FindsThePointerUnderAnotherIdentifier()
    {
        var bundle = await SearchAsync(_exchange.PoliceOfficer(), GmConnect.Identity.Manager.IdentifierSystems.Upn, ChildUpn);

        var pointer = Assert.Single(Matches(bundle));
        Assert.Equal(1, bundle.Total);
        Assert.Equal("dfe:352", pointer.Custodian!.Identifier!.Value);
        Assert.Equal(ChildNhs, pointer.Subject!.Identifier!.Value);
    }

    [Fact]
    public async Task GuessingAnotherOrganisationsPointerId_ReadUpdateDelete_AnsweredAsIfItDidNotExist()
    {
        var salford = _exchange.SalfordSocialWorker();
        var theirs = await PublishAsync(salford, "youth-justice-order"); // no agreement names it: Manchester may not see it
        var manchester = _exchange.ManchesterSocialWorker();
        var missing = "dfe-355-" + Guid.NewGuid().ToString("N");

        foreach (var id in new[] { theirs, missing })
        {
            var read = await manchester.GetAsync($"/fhir/DocumentReference/{id}", Ct);
            var update = await manchester.PutAsync($"/fhir/DocumentReference/{id}", FhirHttp.Json(Pointer("youth-justice-order")), Ct);
            var delete = await manchester.DeleteAsync($"/fhir/DocumentReference/{id}", Ct);
            foreach (var response in new[] { read, update, delete })
            {
                var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.NotFound);
                Assert.Equal($"DocumentReference/{id} is not known.", outcome.Issue.Single().Diagnostics);
            }
        }

        var stillThere = await salford.GetAsync($"/fhir/DocumentReference/{theirs}", Ct);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task ProducerOperations_OwnPointer_UpdateThenEnteredInErrorThenDelete()
    {
        var manchester = _exchange.ManchesterSocialWorker();
        var changed = Pointer("child-protection-plan");
        changed.Id = _pointer;
        changed.Description = "Plan reviewed";

        var updated = await FhirHttp.ReadAsync<DocumentReference>(await manchester.PutAsync($"/fhir/DocumentReference/{_pointer}", FhirHttp.Json(changed), Ct));
        changed.Status = DocumentReferenceStatus.EnteredInError;
        var withdrawn = await FhirHttp.ReadAsync<DocumentReference>(await manchester.PutAsync($"/fhir/DocumentReference/{_pointer}", FhirHttp.Json(changed), Ct));
        var search = await SearchAsync(manchester);
        var deleted = await manchester.DeleteAsync($"/fhir/DocumentReference/{_pointer}", Ct);
        var gone = await manchester.GetAsync($"/fhir/DocumentReference/{_pointer}", Ct);

        Assert.Equal("2", updated.Meta!.VersionId);
        Assert.Equal(DocumentReferenceStatus.EnteredInError, withdrawn.Status);
        Assert.Empty(Matches(search));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Create_CustodianNotTheCallersOrganisation_Forbidden()
    {
        var pointer = Pointer("child-protection-plan");
        pointer.Custodian = new ResourceReference { Identifier = new Identifier("urn:gmconnect:organisation", "dfe:355") };

        var response = await _exchange.ManchesterSocialWorker().PostAsync("/fhir/DocumentReference", FhirHttp.Json(pointer), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("custodian:", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TypeTheOrganisationMayNotPublish_Forbidden()
    {
        var response = await _exchange.PoliceOfficer().PostAsync("/fhir/DocumentReference", FhirHttp.Json(Pointer("child-protection-plan")), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("type:", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }
}
