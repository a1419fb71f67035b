using System.Security.Claims;
using GmConnect.Governance.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Web.Tests;

/// <summary>
/// The data stewards' and IG officers' pages ask Governance's registries, not the role code alone: a session that claims a role its
/// practitioner does not hold in that organisation is refused, even when the role would qualify.
/// </summary>
public sealed class StewardPolicyTests(WebFixture web)
{
    [Theory]
    [InlineData("demo-ig-352", "dfe:352", "ig-officer", true)]
    [InlineData("demo-admin", "gmc:exchange", "administrator", true)]
    [InlineData("demo-sw-352", "dfe:352", "social-worker", false)]       // holds the role; it lacks the capability
    [InlineData("demo-sw-352", "gmc:exchange", "administrator", false)]  // claims a role it does not hold
    [InlineData("demo-ig-352", "gmc:exchange", "ig-officer", false)]     // the right role, in another organisation
    public Task DataStewardPolicy_ClaimedRole_DecidedAgainstGovernanceRegistries(string practitioner, string organisation, string role, bool allowed) =>
        AssertPolicy("data-steward", practitioner, organisation, role, allowed);

    [Theory]
    [InlineData("demo-ig-352", "dfe:352", "ig-officer", true)]
    [InlineData("demo-sw-352", "dfe:352", "social-worker", false)]       // holds the role; it lacks the capability
    [InlineData("demo-sw-352", "dfe:352", "ig-officer", false)]          // claims a role it does not hold
    [InlineData("demo-ig-352", "gmc:exchange", "ig-officer", false)]     // the right role, in another organisation
    public Task InformationGovernancePolicy_ClaimedRole_DecidedAgainstGovernanceRegistries(string practitioner, string organisation, string role, bool allowed) =>
        AssertPolicy("information-governance", practitioner, organisation, role, allowed);

    private async Task AssertPolicy(string policy, string practitioner, string organisation, string role, bool allowed)
    {
        if (web.Unavailable is { } reason)
        {
            Assert.Skip(reason); // the exchange starts only with the browser
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(GovernanceClaims.Practitioner, practitioner), new Claim(GovernanceClaims.Organisation, organisation), new Claim(GovernanceClaims.Role, role),
             new Claim(GovernanceClaims.Purpose, "direct-care")],
            "test"));
        var http = new DefaultHttpContext { RequestServices = web.Services, User = user };

        var result = await web.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, policy);

        Assert.Equal(allowed, result.Succeeded);
    }
}
