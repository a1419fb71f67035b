using System.Net;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using GmConnect.Server.Tests.Fhir;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;
using static GmConnect.Server.Tests.Adversarial.LocatorExchange;

namespace GmConnect.Server.Tests.Adversarial;

/// <summary>
/// Tokens that must not open the Record Locator: none, forged (another key), expired, wrongly signed (tampered
/// claims or signature). Each is a 401 OperationOutcome, and the request never reaches Governance.
/// </summary>
public sealed class TokenAdversarialTests : IAsyncLifetime
{
    private LocatorExchange _exchange = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _exchange = await StartAsync();
        await PublishAsync(_exchange.ManchesterSocialWorker(), "child-protection-plan");
    }

    public ValueTask DisposeAsync() => _exchange.DisposeAsync();

    private static async Task AssertUnauthorisedAsync(HttpClient client)
    {
        var search = await client.PostAsync("/fhir/DocumentReference/_search",
            new FormUrlEncodedContent([new("subject:identifier", Nhs + "|" + ChildNhs)]), Ct);
        var create = await client.PostAsync("/fhir/DocumentReference", FhirHttp.Json(Pointer("child-protection-plan")), Ct);

        var outcome = await FhirHttp.ReadAsync<OperationOutcome>(search, HttpStatusCode.Unauthorized);
        Assert.Equal(OperationOutcome.IssueType.Login, outcome.Issue.Single().Code);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
    }

    [Fact]
    public async Task Search_NoToken_Unauthorised()
    {
        await AssertUnauthorisedAsync(_exchange.Anonymous());
    }

    [Fact]
    public async Task Search_ForgedTokenFromAnotherKey_Unauthorised()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), "gmc-test-keys", "forger-" + Guid.NewGuid().ToString("N") + ".pem");
        using var forger = DevelopmentTokenIssuer.LoadOrCreate(keyFile, TimeProvider.System);
        var forged = forger.Issue("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(10));

        await AssertUnauthorisedAsync(_exchange.WithToken(forged));
    }

    [Fact]
    public async Task Search_ExpiredToken_Unauthorised()
    {
        using var yesterday = DevelopmentTokenIssuer.LoadOrCreate(_exchange.KeyFile, new FixedTime(TimeProvider.System.GetUtcNow().AddDays(-1)));
        var expired = yesterday.Issue("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(10));

        await AssertUnauthorisedAsync(_exchange.WithToken(expired));
    }

    [Fact]
    public async Task Search_TamperedClaimsUnderAValidSignature_Unauthorised()
    {
        var token = _exchange.Services.GetService<DevelopmentTokenIssuer>()!.Issue("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(10));
        var parts = token.Split('.');
        // Claim another organisation: re-encode the payload, keep the original signature.
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("dfe:352", "dfe:355", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        await AssertUnauthorisedAsync(_exchange.WithToken(tampered));
    }

    [Fact]
    public async Task Search_CorruptedSignature_Unauthorised()
    {
        var token = _exchange.Services.GetService<DevelopmentTokenIssuer>()!.Issue("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(10));
        var parts = token.Split('.');
        var signature = Base64UrlDecode(parts[2]);
        signature[0] ^= 0xFF;

        await AssertUnauthorisedAsync(_exchange.WithToken($"{parts[0]}.{parts[1]}.{Base64UrlEncode(signature)}"));
    }

    [Fact]
    public async Task Search_UnsignedAlgNoneToken_Unauthorised()
    {
        var header = Base64UrlEncode("""{"alg":"none","typ":"JWT"}"""u8.ToArray());
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var payload = Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"iss":"{{DevelopmentTokenIssuer.Issuer}}","aud":"{{DevelopmentTokenIssuer.Audience}}","sub":"demo-sw-352","subject_organization_id":"dfe:352","subject_role":"social-worker","purpose_of_use":"safeguarding","nbf":{{now}},"exp":{{now + 600}}}"""));

        await AssertUnauthorisedAsync(_exchange.WithToken($"{header}.{payload}."));
    }

    [Fact]
    public async Task Search_ValidToken_PermittedPath()
    {
        var bundle = await SearchAsync(_exchange.ManchesterSocialWorker());

        Assert.Single(Matches(bundle));
    }

    private static byte[] Base64UrlDecode(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value);

    private static string Base64UrlEncode(byte[] value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(value);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
