using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.BreakGlass;

public sealed class BreakGlassServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccessRequest Clinician = new("clin-trust", Trust, "clinician", Purpose.DirectCare, AccessAction.Read);

    private const string Reason = "Patient unconscious in ED, no history";

    public static TheoryData<string, AccessRequest, string, double?> Refusals() => new()
    {
        { "role-may-not-break-glass", new AccessRequest("officer", Police, "police-officer", Purpose.Safeguarding, AccessAction.Read), Reason, null },
        { "purpose-may-not-break-glass", new AccessRequest("officer", Police, "police-officer", Purpose.CrimePrevention, AccessAction.Read), Reason, null },
        { "role-not-held", Clinician with { Role = "gp" }, Reason, null },
        { "practitioner-unknown", Clinician with { PractitionerId = "ghost" }, Reason, null },
        { "reason-too-short", Clinician, "urgent", null },
        { "duration-out-of-range", Clinician, Reason, 5.0 },
        { "duration-out-of-range", Clinician, Reason, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task OpenAsync_NotAllowed_RefusesWithCodeAndAuditsTheFailure(string expected, AccessRequest requester, string reason, double? hours)
    {
        await using var governance = await TestGovernance.StartAsync();

        var result = await governance.BreakGlass.OpenAsync(requester, "p1", BreakGlassJustification.ImminentRiskToLife, reason,
            hours is { } h ? TimeSpan.FromHours(h) : null, Ct);

        Assert.False(result.Opened);
        Assert.Equal(expected, result.Refusal);
        Assert.Empty(governance.Alerts.Alerts);
        var entry = Assert.Single(await governance.Audit.SearchAsync(new AuditQuery(PersonId: "p1"), Ct));
        Assert.Equal((AuditEventType.BreakGlassOpened, "failure", expected), (entry.Record.EventType, entry.Record.Outcome, entry.Record.Detail));
    }

    [Fact]
    public async Task OpenAsync_Allowed_IsTimeBoxedAlertsOwnIgAndIsAudited()
    {
        await using var governance = await TestGovernance.StartAsync();

        var result = await governance.BreakGlass.OpenAsync(Clinician, "p1", BreakGlassJustification.ChildAtRisk, Reason, cancellationToken: Ct);

        Assert.True(result.Opened);
        Assert.Equal(Now, result.Session!.OpenedAt);
        Assert.Equal(Now.AddHours(4), result.Session.ExpiresAt);
        var alert = Assert.Single(governance.Alerts.Alerts);
        Assert.Equal((Trust, "ig@trust.example", result.Session.Id), (alert.OrganisationId, alert.Contact, alert.SessionId));
        var entry = Assert.Single(await governance.Audit.SearchAsync(new AuditQuery(PersonId: "p1"), Ct));
        Assert.Equal(("success", "child-at-risk", result.Session.Id), (entry.Record.Outcome, entry.Record.Detail, entry.Record.BreakGlassSessionId));
    }

    [Theory]
    [InlineData("clin-trust", Trust, "clinician", Purpose.DirectCare, true)]
    [InlineData("clin-trust", Trust, "clinician", Purpose.SecondaryUse, false)]
    [InlineData("officer", Police, "police-officer", Purpose.Safeguarding, false)]
    [InlineData("ghost", Trust, "clinician", Purpose.DirectCare, false)]
    public async Task MayBreakGlass_RoleAndPurpose_AnswersAsOpenAsyncWould(string practitioner, string organisation, string role, Purpose purpose, bool expected)
    {
        await using var governance = await TestGovernance.StartAsync();
        var requester = new AccessRequest(practitioner, organisation, role, purpose, AccessAction.Read);

        var may = governance.BreakGlass.MayBreakGlass(requester);
        var opened = await governance.BreakGlass.OpenAsync(requester, "p1", BreakGlassJustification.ChildAtRisk, Reason, cancellationToken: Ct);

        Assert.Equal(expected, may);
        Assert.Equal(expected, opened.Opened);
    }

    [Fact]
    public async Task ActiveAsync_OpenedSession_FoundForItsPractitionerAndPurposeOnlyUntilItExpires()
    {
        await using var governance = await TestGovernance.StartAsync();
        var opened = await governance.BreakGlass.OpenAsync(Clinician, "p1", BreakGlassJustification.ChildAtRisk, Reason, TimeSpan.FromHours(2), Ct);

        var active = await governance.BreakGlass.ActiveAsync(Clinician, "p1", Ct);
        var otherPerson = await governance.BreakGlass.ActiveAsync(Clinician, "p2", Ct);
        var otherPurpose = await governance.BreakGlass.ActiveAsync(Clinician with { Purpose = Purpose.Safeguarding }, "p1", Ct);
        governance.Time.Advance(TimeSpan.FromHours(2));
        var expired = await governance.BreakGlass.ActiveAsync(Clinician, "p1", Ct);

        Assert.Equal(opened.Session!.Id, active?.Id);
        Assert.Equal(Now.AddHours(2), active!.ExpiresAt);
        Assert.Null(otherPerson);
        Assert.Null(otherPurpose);
        Assert.Null(expired);
    }

    [Fact]
    public async Task Durations_FromOptions_DefaultAndMaximumFourHours()
    {
        await using var governance = await TestGovernance.StartAsync();

        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromHours(4)), (governance.BreakGlass.DefaultDuration, governance.BreakGlass.MaxDuration));
    }
}
