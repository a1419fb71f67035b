using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GmConnect.Web.Tests.OpenIdConnect;

/// <summary>
/// A tiny OpenID Connect issuer on a loopback socket, for tests only: discovery, JWKS, an authorisation endpoint
/// that signs in whoever the test names (no login screen) and a token endpoint that checks PKCE. Tokens are RS256
/// with a key made for this run. No network beyond loopback.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    public const string ClientId = "gm-connect-web";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public TestIssuer() => _key = new RsaSecurityKey(_rsa) { KeyId = "test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };

    public string Authority { get; private set; } = "";

    /// <summary>The claims the next sign-in at the authorisation endpoint receives.</summary>
    public IReadOnlyDictionary<string, string> NextUser { get; set; } = new Dictionary<string, string>();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest("bad authorisation request");
            }

            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new PendingCode(q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString(), NextUser);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending)
                || form["redirect_uri"] != pending.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var claims = new Dictionary<string, string>(pending.User) { ["nonce"] = pending.Nonce };
            var token = Issue(claims, ClientId);
            return Results.Json(new { id_token = token, access_token = token, token_type = "Bearer", expires_in = 600 });
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = address.TrimEnd('/');
    }

    /// <summary>A token from this issuer (or, with <paramref name="signingKey"/>, one that pretends to be).</summary>
    public string Issue(IReadOnlyDictionary<string, string> claims, string audience, SecurityKey? signingKey = null, TimeSpan? lifetime = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(10)),
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Key, c.Value))),
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }

    private sealed record PendingCode(string Nonce, string CodeChallenge, string RedirectUri, IReadOnlyDictionary<string, string> User);
}
