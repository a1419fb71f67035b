using System.Security.Claims;
using System.Text.Json.Nodes;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.SubjectAccess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Api;

/// <summary>The handlers, called directly with a signed-in user's claims (the host's tests cover the HTTP pipeline).</summary>
public sealed class GovernanceApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClaimsPrincipal User(string practitioner, string organisation, string role, string? purpose = null)
    {
        var claims = new List<Claim>
        {
            new(GovernanceClaims.Practitioner, practitioner),
            new(GovernanceClaims.Organisation, organisation),
            new(GovernanceClaims.Role, role),
        };
        if (purpose is not null)
        {
            claims.Add(new Claim(GovernanceClaims.Purpose, purpose));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static readonly ClaimsPrincipal IgOfficer = User("ig-la1", La1, "ig-officer");
    private static readonly ClaimsPrincipal SocialWorker = User("sw-la1", La1, "social-worker", "direct-care");
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode ?? 200;

    [Fact]
    public async Task Handlers_WithoutClaims_Return401()
    {
        await using var governance = await TestGovernance.StartAsync();

        Assert.Equal(401, Status(await GovernanceApi.SearchAuditAsync(null, null, null, null, null, null, Anonymous, governance.Admin, governance.Audit, Ct)));
        Assert.Equal(401, Status(await GovernanceApi.OpenBreakGlassAsync(new BreakGlassBody("p", BreakGlassJustification.ChildAtRisk, "x"), Anonymous, governance.BreakGlass, Ct)));
        Assert.Equal(401, Status(await GovernanceApi.SaveAgreementAsync("x", World.Agreements[0], Anonymous, governance.Admin, Ct)));
        Assert.Equal(401, Status(GovernanceApi.ListPractitioners(Anonymous, governance.Admin)));
    }

    [Fact]
    public async Task SearchAuditAsync_IgOfficer_GetsBalpBundleAndTheSearchIsAudited()
    {
        await using var governance = await TestGovernance.StartAsync();
        await governance.Gate.DecideAsync(new AccessRequest("sw-la1", La1, "social-worker", Purpose.DirectCare, AccessAction.Read, "req-9"), new GovernedResource("r1", "p1", La1, "care-plan"), Ct);

        var result = await GovernanceApi.SearchAuditAsync("p1", null, null, null, null, null, IgOfficer, governance.Admin, governance.Audit, Ct);

        var json = Assert.IsType<JsonHttpResult<JsonObject>>(result).Value!;
        Assert.Equal("Bundle", (string?)json["resourceType"]);
        var audit = json["entry"]![0]!["resource"]!;
        Assert.Equal("AuditEvent", (string?)audit["resourceType"]);
        Assert.Equal("R", (string?)audit["action"]);
        Assert.Equal("sw-la1", (string?)audit["agent"]![0]!["who"]!["identifier"]!["value"]);
        Assert.Equal("direct-care", (string?)audit["agent"]![0]!["purposeOfUse"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("req-9", (string?)audit["entity"]![0]!["what"]!["identifier"]!["value"]);
        Assert.Equal("Patient/p1", (string?)audit["entity"]![1]!["what"]!["reference"]);
        var searches = await governance.Audit.SearchAsync(new AuditQuery(PractitionerId: "ig-la1"), Ct);
        Assert.Equal(AuditEventType.AuditSearched, Assert.Single(searches).Record.EventType);
    }

    [Fact]
    public async Task SearchAuditAsync_NotIg_Returns403()
    {
        await using var governance = await TestGovernance.StartAsync();

        Assert.Equal(403, Status(await GovernanceApi.SearchAuditAsync(null, null, null, null, null, null, SocialWorker, governance.Admin, governance.Audit, Ct)));
        Assert.Equal(403, Status(await GovernanceApi.VerifyAuditAsync(SocialWorker, governance.Admin, governance.Audit, Ct)));
        Assert.Equal(403, Status(GovernanceApi.ListPractitioners(SocialWorker, governance.Admin)));
    }

    [Fact]
    public async Task OpenBreakGlassAsync_AllowedAndRefused_Return200And403()
    {
        await using var governance = await TestGovernance.StartAsync();

        var opened = await GovernanceApi.OpenBreakGlassAsync(new BreakGlassBody("p1", BreakGlassJustification.ChildAtRisk, "Child missing overnight, urgent", 60), SocialWorker, governance.BreakGlass, Ct);
        var refused = await GovernanceApi.OpenBreakGlassAsync(new BreakGlassBody("p1", BreakGlassJustification.ChildAtRisk, "short"), SocialWorker, governance.BreakGlass, Ct);

        var session = Assert.IsType<Ok<BreakGlassSession?>>(opened).Value!;
        Assert.Equal(governance.Time.GetUtcNow().AddHours(1), session.ExpiresAt);
        Assert.Equal(403, Status(refused));
    }

    [Fact]
    public async Task RecordDirectiveAsync_UnknownPurpose_Is400_AndValidOneIsReturned()
    {
        await using var governance = await TestGovernance.StartAsync();

        var bad = await GovernanceApi.RecordDirectiveAsync("p1", new DirectiveBody(DirectiveKind.Objection, Purpose: "marketing"), SocialWorker, governance.Admin, Ct);
        var good = await GovernanceApi.RecordDirectiveAsync("p1", new DirectiveBody(DirectiveKind.Objection, Purpose: "direct-care"), SocialWorker, governance.Admin, Ct);

        Assert.Equal(400, Status(bad));
        var directive = Assert.IsType<ConsentDirective>(((IValueHttpResult)good).Value);
        Assert.Equal(Purpose.DirectCare, directive.Purpose);
    }

    [Fact]
    public async Task SubjectAccessAsync_Markdown_ReturnsTheDocument()
    {
        await using var governance = await TestGovernance.StartAsync();

        var result = await GovernanceApi.SubjectAccessAsync("p1", "markdown", IgOfficer, governance.SubjectAccess, Ct);
        var forbidden = await GovernanceApi.SubjectAccessAsync("p1", null, SocialWorker, governance.SubjectAccess, Ct);

        Assert.StartsWith("# Subject access report", Assert.IsType<ContentHttpResult>(result).ResponseContent, StringComparison.Ordinal);
        Assert.Equal(403, Status(forbidden));
    }

    [Fact]
    public async Task SaveAgreementAsync_IdFromRoute_WinsOverBody()
    {
        await using var governance = await TestGovernance.StartAsync();
        var admin = User("admin", Exchange, "administrator");

        var result = await GovernanceApi.SaveAgreementAsync("renamed", World.Agreements[0], admin, governance.Admin, Ct);

        Assert.Equal(204, Status(result));
        Assert.IsType<Ok<Agreements.SharingAgreement>>(GovernanceApi.GetAgreement("renamed", governance.Admin));
        Assert.IsType<NotFound>(GovernanceApi.GetAgreement("nope", governance.Admin));
    }

    [Fact]
    public void MapGovernanceApi_EveryEndpointTouchingPersonsOrAudit_DeclaresItsAuditEvent()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGovernance();
        var app = builder.Build();

        app.MapGovernanceApi();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToArray();
        Assert.NotEmpty(endpoints);
        var personal = endpoints.Where(e => e.RoutePattern.RawText!.Contains("persons", StringComparison.Ordinal)
            || e.RoutePattern.RawText!.EndsWith("/audit", StringComparison.Ordinal)
            || e.RoutePattern.RawText!.EndsWith("/break-glass", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, personal.Length);
        Assert.All(personal, e => Assert.NotNull(e.Metadata.GetMetadata<AuditedEndpoint>()));
    }
}
