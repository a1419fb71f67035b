using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Web.Tests.OpenIdConnect;

/// <summary>
/// The exchange configured with an OpenID Connect issuer (the in-process <see cref="TestIssuer"/>) that names its
/// claims its own way — <c>employee_id</c>, <c>org</c>, <c>job</c>, <c>pou</c> — mapped through
/// <c>Authentication:Oidc:Claims</c>. No demo data: these tests are about who is signed in.
/// </summary>
public sealed class OidcExchange : IAsyncLifetime
{
    private Exchange? _exchange;

    internal TestIssuer Issuer { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Issuer.StartAsync();
        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _exchange = new Exchange(store, Issuer.Authority);
        _exchange.UseKestrel(0);
        _exchange.StartServer();
        BaseUrl = _exchange.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so a test walks each hop.</summary>
    public HttpClient NewClient(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new System.Net.CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    public async ValueTask DisposeAsync()
    {
        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }

        await Issuer.DisposeAsync();
    }

    private sealed class Exchange(TestStore store, string authority) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Store:ConnectionString", store.ConnectionString);
            builder.UseSetting("Demo:SeedOnFirstRun", "false");
            builder.UseSetting("Workbench:SyntheticOnStartup", "false");
            builder.UseSetting("Tokens:DevelopmentKeyFile", Path.Combine(Path.GetTempPath(), "gmc-test-keys", Guid.NewGuid().ToString("N") + ".pem"));
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Authentication:Oidc:Authority", authority);
            builder.UseSetting("Authentication:Oidc:ClientId", TestIssuer.ClientId);
            builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
            builder.UseSetting("Authentication:Oidc:Claims:Practitioner", "employee_id");
            builder.UseSetting("Authentication:Oidc:Claims:Organisation", "org");
            builder.UseSetting("Authentication:Oidc:Claims:Role", "job");
            builder.UseSetting("Authentication:Oidc:Claims:Purpose", "pou");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
