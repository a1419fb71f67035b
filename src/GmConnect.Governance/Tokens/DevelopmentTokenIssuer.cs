using System.Security.Claims;
using System.Security.Cryptography;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GmConnect.Governance.Tokens;

/// <summary>
/// The built-in development issuer for the embedded default: ES256 tokens carrying practitioner, organisation,
/// role and purpose of use. Its key is generated on first use and kept in a file of the installation (never in
/// the repository); a deployment uses an OpenID Connect issuer instead.
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    /// <summary>The <c>iss</c> of development tokens.</summary>
    public const string Issuer = "gmc-development-issuer";

    /// <summary>The <c>aud</c> of tokens for GM Connect.</summary>
    public const string Audience = "gm-connect";

    /// <summary>The default key file, under the installation's data folder.</summary>
    public static readonly string DefaultKeyFile = Path.Combine("data", "governance", "development-token-key.pem");

    private readonly ECDsa _key;
    private readonly TimeProvider _time;

    private DevelopmentTokenIssuer(ECDsa key, string keyId, TimeProvider time)
    {
        _key = key;
        _time = time;
        SigningKey = new ECDsaSecurityKey(key) { KeyId = keyId };
    }

    /// <summary>The key that signs (and so validates) development tokens.</summary>
    public SecurityKey SigningKey { get; }

    /// <summary>Loads the installation's key, generating it (P-256, file readable by its owner only) the first time.</summary>
    public static DevelopmentTokenIssuer LoadOrCreate(string keyFile, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        ArgumentNullException.ThrowIfNull(time);
        var key = ECDsa.Create();
        if (File.Exists(keyFile))
        {
            key.ImportFromPem(File.ReadAllText(keyFile));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
            Directory.CreateDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(keyFile, options);
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
        return new DevelopmentTokenIssuer(key, keyId, time);
    }

    /// <summary>Issues a token for a practitioner acting for an organisation, in a role, for a purpose.</summary>
    public string Issue(string practitionerId, string organisationId, string role, Purpose purpose, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practitionerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A development token lives between a moment and 12 hours.");
        }

        var now = _time.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(GovernanceClaims.Practitioner, practitionerId),
                new Claim(GovernanceClaims.Organisation, organisationId),
                new Claim(GovernanceClaims.Role, role),
                new Claim(GovernanceClaims.Purpose, purpose.ToCode()),
                new Claim("jti", Guid.CreateVersion7(now).ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// Validation parameters for development tokens: this issuer, this audience, this key, ES256 only, lifetime
    /// checked with 30 seconds of clock skew. The host passes them to its JWT bearer handler.
    /// </summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = GovernanceClaims.Practitioner,
    };

    /// <summary>Validates a token with <see cref="ValidationParameters"/>; the principal, or null and the reason.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> ValidateAsync(string token)
    {
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, ValidationParameters()).ConfigureAwait(false);
        return result.IsValid
            ? (new ClaimsPrincipal(result.ClaimsIdentity), null)
            : (null, result.Exception?.GetType().Name ?? "invalid-token");
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
