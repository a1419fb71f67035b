using GmConnect.Governance.Administration;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Administration;

public sealed class GovernanceAdministrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor SocialWorker = new("sw-la1", La1, "social-worker");

    [Fact]
    public async Task SaveAgreementAsync_SuspendingAnAgreement_DeniesAtOnceAndIsAudited()
    {
        await using var governance = await TestGovernance.StartAsync();
        var request = new AccessRequest("officer", Police, "police-officer", Purpose.Safeguarding, AccessAction.Read);
        var resource = new GovernedResource("r", "p", La1, "child-protection-plan");
        var before = await governance.Gate.DecideAsync(request, resource, Ct);

        var result = await governance.Admin.SaveAgreementAsync(
            TestGovernance.AdminActor, World.Agreements.Single(a => a.Id == "sg") with { Status = AgreementStatus.Suspended }, Ct);
        var after = await governance.Gate.DecideAsync(request, resource, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(DecisionOutcome.Permit, before.Outcome);
        Assert.Equal("agreement-suspended", after.PrimaryReason.Code);
        var audited = await governance.Audit.SearchAsync(new AuditQuery(PractitionerId: "admin"), Ct);
        Assert.Equal("agreement:sg", Assert.Single(audited).Record.Detail);
    }

    [Fact]
    public async Task SaveAgreementAsync_WithoutAdministrationCapability_IsForbidden()
    {
        await using var governance = await TestGovernance.StartAsync();

        var result = await governance.Admin.SaveAgreementAsync(SocialWorker, World.Agreements[0], Ct);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task SaveAgreementAsync_Invalid_ListsEveryProblem()
    {
        await using var governance = await TestGovernance.StartAsync();
        var bad = Agreement("bad", [La1, "ods:UNKNOWN"], [], [Purpose.DirectCare], ["uk-gdpr-6-1-e"], new(2026, 1, 1), new(2025, 1, 1), AgreementStatus.Signed)
            with { Signatories = [] };

        var result = await governance.Admin.SaveAgreementAsync(TestGovernance.AdminActor, bad, Ct);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Contains("categories: at least one", result.Problems);
        Assert.Contains("end: before start", result.Problems);
        Assert.Contains($"signatories: none for party '{La1}'", result.Problems);
        Assert.Contains("parties: unknown organisation 'ods:UNKNOWN'", result.Problems);
    }

    [Fact]
    public async Task SaveOrganisationAsync_NewOrganisation_CanJoinAnAgreement()
    {
        await using var governance = await TestGovernance.StartAsync();
        var newcomer = new Organisation("ods:RBV", "The Christie NHS FT", OrganisationKind.NhsTrust, "ig@christie.example");

        Assert.True((await governance.Admin.SaveOrganisationAsync(TestGovernance.AdminActor, newcomer, Ct)).Succeeded);
        var joined = World.Agreements.Single(a => a.Id == "dc") is var dc
            ? dc with { Parties = [.. dc.Parties, newcomer.Id], Signatories = [.. dc.Signatories, new Signatory(newcomer.Id, "S", "SIRO", new(2026, 11, 1))] }
            : null;

        Assert.True((await governance.Admin.SaveAgreementAsync(TestGovernance.AdminActor, joined!, Ct)).Succeeded);
        Assert.Contains(governance.Admin.Organisations, o => o.Id == "ods:RBV");
    }

    [Fact]
    public async Task SaveOrganisationAsync_MalformedId_IsInvalid()
    {
        await using var governance = await TestGovernance.StartAsync();

        var result = await governance.Admin.SaveOrganisationAsync(TestGovernance.AdminActor, new Organisation("R0A", "x", OrganisationKind.NhsTrust, "ig@x.example"), Ct);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task SavePractitionerAsync_DeactivatedPractitioner_IsDeniedAtOnce()
    {
        await using var governance = await TestGovernance.StartAsync();
        var request = new AccessRequest("sw-la1", La1, "social-worker", Purpose.DirectCare, AccessAction.Read);
        var practitioner = Practitioners.Single(p => p.Id == "sw-la1");

        await governance.Admin.SavePractitionerAsync(TestGovernance.AdminActor, practitioner with { Active = false }, Ct);
        var decision = await governance.Gate.DecideAsync(request, new GovernedResource("r", "p", La1, "care-plan"), Ct);

        Assert.Equal("practitioner-unknown", decision.PrimaryReason.Code);
    }

    [Fact]
    public async Task RecordDirectiveAsync_OptOutWithScope_IsInvalid()
    {
        await using var governance = await TestGovernance.StartAsync();

        var (result, directive) = await governance.Admin.RecordDirectiveAsync(SocialWorker, "p", DirectiveKind.NationalDataOptOut, "care-plan", null, null, Ct);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Null(directive);
    }

    [Fact]
    public async Task RecordDirectiveAsync_UnregisteredActor_IsForbidden()
    {
        await using var governance = await TestGovernance.StartAsync();

        var (result, _) = await governance.Admin.RecordDirectiveAsync(new Actor("ghost", La1, "social-worker"), "p", DirectiveKind.Objection, null, null, null, Ct);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task WithdrawDirectiveAsync_UnknownOrOtherPersons_IsNotFound()
    {
        await using var governance = await TestGovernance.StartAsync();
        var (_, directive) = await governance.Admin.RecordDirectiveAsync(SocialWorker, "p1", DirectiveKind.Objection, null, null, null, Ct);

        Assert.Equal(ChangeStatus.NotFound, (await governance.Admin.WithdrawDirectiveAsync(SocialWorker, "p2", directive!.Id, Ct)).Status);
        Assert.Equal(ChangeStatus.NotFound, (await governance.Admin.WithdrawDirectiveAsync(SocialWorker, "p1", "nope", Ct)).Status);
        Assert.Equal(ChangeStatus.Ok, (await governance.Admin.WithdrawDirectiveAsync(SocialWorker, "p1", directive.Id, Ct)).Status);
        Assert.Equal(ChangeStatus.NotFound, (await governance.Admin.WithdrawDirectiveAsync(SocialWorker, "p1", directive.Id, Ct)).Status);
    }

    [Fact]
    public async Task SetPersonLabelsAsync_NeedsIgOrAdministration()
    {
        await using var governance = await TestGovernance.StartAsync();

        var forbidden = await governance.Admin.SetPersonLabelsAsync(SocialWorker, "p", SensitivityLabels.Sealed, Ct);
        var allowed = await governance.Admin.SetPersonLabelsAsync(new Actor("ig-la1", La1, "ig-officer"), "p", SensitivityLabels.Sealed, Ct);

        Assert.Equal(ChangeStatus.Forbidden, forbidden.Status);
        Assert.Equal(ChangeStatus.Ok, allowed.Status);
    }

    [Fact]
    public async Task SaveInvolvementAsync_ForAnotherOrganisation_NeedsAdministration()
    {
        await using var governance = await TestGovernance.StartAsync();

        var forbidden = await governance.Admin.SaveInvolvementAsync(SocialWorker, new Involvement("p", Trust, new DateOnly(2026, 1, 1)), Ct);
        var own = await governance.Admin.SaveInvolvementAsync(SocialWorker, new Involvement("p", La1, new DateOnly(2026, 1, 1)), Ct);

        Assert.Equal(ChangeStatus.Forbidden, forbidden.Status);
        Assert.Equal(ChangeStatus.Ok, own.Status);
    }
}
