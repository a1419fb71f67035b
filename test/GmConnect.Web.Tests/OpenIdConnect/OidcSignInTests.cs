using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace GmConnect.Web.Tests.OpenIdConnect;

/// <summary>
/// The exchange configured with an OpenID Connect issuer: API tokens are validated against the issuer's published
/// keys with its claims mapped onto Governance's, development tokens no longer work, and the pages sign in through
/// the issuer (authorisation code with PKCE), asking for a purpose when the token has none.
/// </summary>
public sealed partial class OidcSignInTests(OidcExchange exchange) : IClassFixture<OidcExchange>
{
    private static readonly Dictionary<string, string> IgOfficer = new()
    {
        ["sub"] = "opaque-7f3a",
        ["employee_id"] = "demo-ig-352",
        ["name"] = "Demo IG Officer (Manchester)",
        ["org"] = "dfe:352",
        ["job"] = "ig-officer",
        ["pou"] = "direct-care",
    };

    [Fact]
    public async Task Api_TokenFromTheIssuerWithItsOwnClaimNames_IsAcceptedAsTheMappedPractitioner()
    {
        using var client = exchange.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", exchange.Issuer.Issue(IgOfficer, TestIssuer.ClientId));

        using var response = await client.GetAsync("/governance/practitioners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_IssuerTokenWithoutTheMappedPractitionerClaim_IsNotTakenForItsSub()
    {
        // "sub" names the practitioner in Governance's own vocabulary, but this issuer's sub is opaque: the
        // configured claim (employee_id) is the only one that may name the practitioner.
        var claims = new Dictionary<string, string>(IgOfficer) { ["sub"] = "demo-ig-352" };
        claims.Remove("employee_id");
        using var client = exchange.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", exchange.Issuer.Issue(claims, TestIssuer.ClientId));

        using var response = await client.GetAsync("/governance/practitioners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_TokenSignedWithAnotherKey_IsRejected()
    {
        using var rsa = RSA.Create(2048);
        var forged = exchange.Issuer.Issue(IgOfficer, TestIssuer.ClientId, new RsaSecurityKey(rsa) { KeyId = "forged" });
        using var client = exchange.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.GetAsync("/governance/practitioners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_TokenForAnotherAudience_IsRejected()
    {
        using var client = exchange.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", exchange.Issuer.Issue(IgOfficer, "another-service"));

        using var response = await client.GetAsync("/governance/practitioners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_DevelopmentIssuerToken_IsRejectedOnceAnIssuerIsConfigured()
    {
        using var development = DevelopmentTokenIssuer.LoadOrCreate(Path.Combine(Path.GetTempPath(), "gmc-test-keys", Guid.NewGuid().ToString("N") + ".pem"), TimeProvider.System);
        using var client = exchange.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", development.Issue("demo-ig-352", "dfe:352", "ig-officer", Purpose.DirectCare, TimeSpan.FromMinutes(5)));

        using var response = await client.GetAsync("/governance/practitioners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_Page_GoesToTheIssuerAndComesBackSignedInWhereItStarted()
    {
        exchange.Issuer.NextUser = IgOfficer;
        using var client = exchange.NewClient();

        var home = await SignInThroughIssuerAsync(client, "/ig/audit");

        Assert.Equal("/ig/audit", home);
        var page = await client.GetStringAsync("/ig/audit", TestContext.Current.CancellationToken);
        Assert.Contains("<title>Audit trail ", page, StringComparison.Ordinal);
        Assert.Contains("Signed in as <strong>Demo IG Officer (Manchester)</strong> (ig-officer, dfe:352) for <strong>direct-care</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_IssuerTokenWithoutPurpose_AsksForItThenContinues()
    {
        var claims = new Dictionary<string, string>(IgOfficer);
        claims.Remove("pou");
        exchange.Issuer.NextUser = claims;
        using var client = exchange.NewClient();

        var next = await SignInThroughIssuerAsync(client, "/ig/audit");

        Assert.StartsWith("/sign-in/purpose?ReturnUrl=", next, StringComparison.Ordinal);
        var form = await client.GetStringAsync(next, TestContext.Current.CancellationToken);
        Assert.Contains("What is your purpose?", form, StringComparison.Ordinal);
        var token = AntiforgeryField().Match(form).Groups[1].Value;

        using var missing = await client.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Contains("Select your purpose", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var chosen = await client.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Purpose"] = "safeguarding",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/ig/audit", chosen.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/ig/audit", TestContext.Current.CancellationToken);
        Assert.Contains("for <strong>safeguarding</strong>", page, StringComparison.Ordinal);
    }

    /// <summary>Walks /sign-in → issuer → callback; returns where the exchange sends the browser at the end.</summary>
    private async Task<string> SignInThroughIssuerAsync(HttpClient client, string returnUrl)
    {
        var ct = TestContext.Current.CancellationToken;
        using var start = await client.GetAsync("/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl), ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(exchange.Issuer.Authority + "/authorize?", authorize.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var issued = await browser.GetAsync(authorize, ct);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var callback = issued.Headers.Location!;
        Assert.StartsWith(exchange.BaseUrl + "/signin-oidc?", callback.ToString(), StringComparison.Ordinal);

        using var back = await client.GetAsync(callback, ct);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return back.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
