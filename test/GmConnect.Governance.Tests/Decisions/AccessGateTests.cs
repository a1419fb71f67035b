using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Decisions;

public sealed class AccessGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccessRequest Clinician = new("clin-trust", Trust, "clinician", Purpose.DirectCare, AccessAction.Read, "req-1");

    [Fact]
    public async Task DecideAsync_AnyOutcome_AppendsOneAuditEntryWithWhoWhatWhyAndOutcome()
    {
        await using var governance = await TestGovernance.StartAsync();

        var denied = await governance.Gate.DecideAsync(Clinician, new GovernedResource("r1", "p1", La1, "care-plan"), Ct);
        await governance.Admin.SaveInvolvementAsync(new("clin-trust", Trust, "clinician"), new Involvement("p1", Trust, new DateOnly(2026, 1, 1)), Ct);
        var permitted = await governance.Gate.DecideAsync(Clinician, new GovernedResource("r1", "p1", La1, "care-plan"), Ct);

        Assert.Equal(DecisionOutcome.Deny, denied.Outcome);
        Assert.Equal(DecisionOutcome.Permit, permitted.Outcome);
        var reads = (await governance.Audit.SearchAsync(new AuditQuery(PersonId: "p1"), Ct)).Where(e => e.Record.EventType == AuditEventType.Read).ToArray();
        Assert.Equal(["permit", "deny"], reads.Select(e => e.Record.Outcome));
        var entry = reads[0].Record;
        Assert.Equal(("clin-trust", Trust, "clinician", "direct-care", "req-1"), (entry.PractitionerId, entry.OrganisationId, entry.Role, entry.Purpose, entry.RequestId));
        Assert.Equal(["agreement-in-force(dc)"], entry.Resources.Single().Reasons);
        Assert.Equal("dc", entry.Detail);
        Assert.Equal(["no-current-involvement"], reads[1].Record.Resources.Single().Reasons);
        Assert.True((await governance.Audit.VerifyAsync(cancellationToken: Ct)).IsIntact);
    }

    [Fact]
    public async Task DecideAsync_ObjectionRecordedThroughAdministration_TakesEffectAtOnce()
    {
        await using var governance = await TestGovernance.StartAsync();
        var sw = new GmConnect.Governance.Administration.Actor("sw-la1", La1, "social-worker");
        var resource = new GovernedResource("r1", "p1", La1, "care-plan");
        await governance.Admin.SaveInvolvementAsync(new("clin-trust", Trust, "clinician"), new Involvement("p1", Trust, new DateOnly(2026, 1, 1)), Ct);

        var (result, directive) = await governance.Admin.RecordDirectiveAsync(sw, "p1", DirectiveKind.Objection, null, null, null, Ct);
        var afterObjection = await governance.Gate.DecideAsync(Clinician, resource, Ct);
        governance.Time.Advance(TimeSpan.FromMinutes(5));
        await governance.Admin.WithdrawDirectiveAsync(sw, "p1", directive!.Id, Ct);
        var afterWithdrawal = await governance.Gate.DecideAsync(Clinician, resource, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("objection", afterObjection.PrimaryReason.Code);
        Assert.Equal(DecisionOutcome.Permit, afterWithdrawal.Outcome);
    }

    [Fact]
    public async Task FilterAsync_Query_AuditsOneSearchEntryWithEveryCandidateButReturnsOnlyPermitted()
    {
        await using var governance = await TestGovernance.StartAsync();
        await governance.Admin.SetPersonLabelsAsync(TestGovernance.AdminActor, "hidden", SensitivityLabels.ProtectedAddress, Ct);
        await governance.Admin.SaveInvolvementAsync(new("clin-trust", Trust, "clinician"), new Involvement("hidden", Trust, new DateOnly(2026, 1, 1)), Ct);
        await governance.Admin.SaveInvolvementAsync(new("clin-trust", Trust, "clinician"), new Involvement("plain", Trust, new DateOnly(2026, 1, 1)), Ct);
        Candidate<string>[] candidates =
        [
            new("a", new("ra", "hidden", La1, "demographics")),
            new("b", new("rb", "plain", La1, "demographics")),
            new("c", new("rc", "plain", Police, "police-incident")),
        ];

        var result = await governance.Gate.FilterAsync(Clinician with { Action = AccessAction.Search }, candidates, QueryKind.Address, cancellationToken: Ct);

        Assert.Equal(["b"], result.Items.Select(i => i.Item));
        Assert.Equal(1, result.WithheldCount);
        var search = Assert.Single(await governance.Audit.SearchAsync(new AuditQuery(PractitionerId: "clin-trust"), Ct), e => e.Record.EventType == AuditEventType.Search);
        Assert.Equal(["hidden", "plain"], search.Record.PersonIds);
        Assert.Equal(["deny", "permit", "deny"], search.Record.Resources.Select(r => r.Outcome));
        Assert.Equal("protected-address-search", search.Record.Resources[0].Reasons[0]);
        Assert.Equal(2, search.Record.WithheldCount);
    }

    [Fact]
    public async Task DecideAsync_UnderBreakGlass_AlertsEachCustodianOnceAndMarksTheAudit()
    {
        await using var governance = await TestGovernance.StartAsync();
        var opened = await governance.BreakGlass.OpenAsync(Clinician, "p1", BreakGlassJustification.ImminentRiskToLife, "Unconscious, no history available", cancellationToken: Ct);

        var first = await governance.Gate.DecideAsync(Clinician, new GovernedResource("r1", "p1", La1, "care-plan"), Ct);
        await governance.Gate.DecideAsync(Clinician, new GovernedResource("r2", "p1", La1, "gp-summary"), Ct);
        await governance.Gate.DecideAsync(Clinician, new GovernedResource("r3", "p1", Gp, "gp-summary"), Ct);

        Assert.True(opened.Opened);
        Assert.Equal(DecisionOutcome.Permit, first.Outcome);
        Assert.Equal(opened.Session!.Id, first.BreakGlassSessionId);
        Assert.Equal([Trust, La1, Gp], governance.Alerts.Alerts.Select(a => a.OrganisationId));
        Assert.Equal("ig@la1.example", governance.Alerts.Alerts[1].Contact);
        var reads = await governance.Audit.SearchAsync(new AuditQuery(PersonId: "p1"), Ct);
        Assert.All(reads, e => Assert.Equal(opened.Session.Id, e.Record.BreakGlassSessionId));
    }

    [Fact]
    public async Task DecideAsync_AfterBreakGlassExpires_DeniesAgain()
    {
        await using var governance = await TestGovernance.StartAsync();
        await governance.BreakGlass.OpenAsync(Clinician, "p1", BreakGlassJustification.ImminentRiskToLife, "Unconscious, no history available", TimeSpan.FromHours(1), Ct);

        governance.Time.Advance(TimeSpan.FromMinutes(61));
        var decision = await governance.Gate.DecideAsync(Clinician, new GovernedResource("r1", "p1", La1, "care-plan"), Ct);

        Assert.Equal("no-current-involvement", decision.PrimaryReason.Code);
    }
}
