using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.SubjectAccess;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.SubjectAccess;

public sealed class SubjectAccessServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor IgOfficer = new("ig-la1", La1, "ig-officer");

    [Fact]
    public async Task BuildAsync_Person_ListsRecordsDirectivesBreakGlassAndEveryoneWhoLooked()
    {
        await using var governance = await TestGovernance.StartAsync(services =>
            services.AddSingleton<ISubjectRecordSource>(new FixedSource([new HeldRecord("Locator", "ptr-1", La1, "care-plan", "Care plan"), new HeldRecord("Locator", "ptr-9", Trust, "x", "Not theirs")])));
        var clinician = new AccessRequest("clin-trust", Trust, "clinician", Purpose.DirectCare, AccessAction.Read);
        await governance.Admin.RecordDirectiveAsync(new Actor("sw-la1", La1, "social-worker"), "p1", DirectiveKind.Objection, "gp-summary", null, null, Ct);
        await governance.Gate.DecideAsync(clinician, new GovernedResource("ptr-1", "p1", La1, "care-plan"), Ct);
        await governance.BreakGlass.OpenAsync(clinician, "p1", BreakGlassJustification.ImminentRiskToLife, "Collapsed in clinic, needs history", cancellationToken: Ct);
        governance.Time.Advance(TimeSpan.FromMinutes(1));
        await governance.Gate.DecideAsync(clinician, new GovernedResource("ptr-1", "p1", La1, "care-plan"), Ct);
        await governance.Gate.DecideAsync(clinician, new GovernedResource("ptr-7", "p2", La1, "care-plan"), Ct);

        var report = await governance.SubjectAccess.BuildAsync(IgOfficer, "p1", Ct);

        Assert.NotNull(report);
        Assert.Equal(2, report.Records.Count);
        Assert.Single(report.Directives);
        Assert.Single(report.BreakGlassSessions);
        Assert.Equal(["read", "break-glass-opened", "read"], report.Accesses.Select(a => a.Event));
        Assert.Equal([0, 0, 1], report.Accesses.Select(a => a.Shown));
        Assert.Equal("Clinician", report.Accesses[0].PractitionerName);
        Assert.Equal("Manchester University NHS FT", report.Accesses[0].OrganisationName);
        Assert.NotNull(report.Accesses[2].BreakGlassSessionId);
        var markdown = SubjectAccessDocument.ToMarkdown(report);
        Assert.Contains("## Who looked (3)", markdown, StringComparison.Ordinal);
        Assert.Contains("Collapsed in clinic, needs history", markdown, StringComparison.Ordinal);
        var audited = await governance.Audit.SearchAsync(new AuditQuery(PractitionerId: "ig-la1"), Ct);
        Assert.Equal(AuditEventType.SubjectAccessReport, Assert.Single(audited).Record.EventType);
    }

    [Fact]
    public async Task BuildAsync_ActorWithoutIgCapability_GetsNothing()
    {
        await using var governance = await TestGovernance.StartAsync();

        Assert.Null(await governance.SubjectAccess.BuildAsync(new Actor("sw-la1", La1, "social-worker"), "p1", Ct));
        Assert.Null(await governance.SubjectAccess.BuildAsync(new Actor("ig-la1", La2, "ig-officer"), "p1", Ct));
    }

    private sealed class FixedSource(IReadOnlyList<HeldRecord> records) : ISubjectRecordSource
    {
        public Task<IReadOnlyList<HeldRecord>> RecordsAboutAsync(string personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(records);
    }
}
