using System.Text;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Governance.Tests.Tokens;

public sealed class DevelopmentTokenIssuerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gmc-token-");

    private string KeyFile => Path.Combine(_directory.FullName, "data", "key.pem");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Issue_ThenValidate_CarriesPractitionerOrganisationRoleAndPurpose()
    {
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);

        var token = issuer.Issue("sw-la1", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(10));
        var (principal, failure) = await issuer.ValidateAsync(token);

        Assert.Null(failure);
        var request = GovernanceClaims.RequestOf(principal!, AccessAction.Read);
        Assert.Equal(new AccessRequest("sw-la1", "dfe:352", "social-worker", Purpose.Safeguarding, AccessAction.Read), request);
    }

    [Fact]
    public async Task LoadOrCreate_SecondTime_ReusesTheInstallationKey()
    {
        string token;
        using (var first = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System))
        {
            token = first.Issue("sw-la1", "dfe:352", "social-worker", Purpose.DirectCare, TimeSpan.FromMinutes(10));
        }

        using var second = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);

        Assert.Null((await second.ValidateAsync(token)).Failure);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task ValidateAsync_TokenOfAnotherInstallation_IsRejected()
    {
        using var ours = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);
        using var theirs = DevelopmentTokenIssuer.LoadOrCreate(Path.Combine(_directory.FullName, "other.pem"), TimeProvider.System);

        var (principal, failure) = await ours.ValidateAsync(theirs.Issue("sw-la1", "dfe:352", "social-worker", Purpose.DirectCare, TimeSpan.FromMinutes(10)));

        Assert.Null(principal);
        Assert.NotNull(failure);
    }

    [Fact]
    public async Task ValidateAsync_Expired_IsRejected()
    {
        var past = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-2));
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, past);

        var (principal, failure) = await issuer.ValidateAsync(issuer.Issue("sw-la1", "dfe:352", "social-worker", Purpose.DirectCare, TimeSpan.FromHours(1)));

        Assert.Null(principal);
        Assert.Equal("SecurityTokenExpiredException", failure);
    }

    [Fact]
    public async Task ValidateAsync_ForgedPayload_IsRejected()
    {
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);
        var parts = issuer.Issue("sw-la1", "dfe:352", "social-worker", Purpose.DirectCare, TimeSpan.FromMinutes(10)).Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])).Replace("dfe:352", "ods:R0A", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var (principal, failure) = await issuer.ValidateAsync(forged);

        Assert.Null(principal);
        Assert.Contains("Signature", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedToken_IsRejected()
    {
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);
        var parts = issuer.Issue("sw-la1", "dfe:352", "social-worker", Purpose.DirectCare, TimeSpan.FromMinutes(10)).Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        var (principal, _) = await issuer.ValidateAsync($"{header}.{parts[1]}.");

        Assert.Null(principal);
    }

    [Fact]
    public void Issue_LifetimeOverTwelveHours_Throws()
    {
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(KeyFile, TimeProvider.System);

        Assert.Throws<ArgumentOutOfRangeException>(() => issuer.Issue("a", "dfe:352", "r", Purpose.DirectCare, TimeSpan.FromHours(13)));
    }
}
