using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Server.Tests;

/// <summary>The exchange in-process on a fresh store of the given kind, with settings for the test.</summary>
public sealed class ExchangeFactory(TestStore store, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public static async Task<ExchangeFactory> CreateAsync(StoreProvider provider, IDictionary<string, string?>? settings = null) =>
        new(await TestStore.CreateAsync(provider), settings);

    /// <summary>As <see cref="CreateAsync(StoreProvider, IDictionary{string, string?}?)"/>, with services replaced for the test (e.g. a test double).</summary>
    public static async Task<ExchangeFactory> CreateAsync(StoreProvider provider, Action<IServiceCollection> services, IDictionary<string, string?>? settings = null) =>
        new(await TestStore.CreateAsync(provider), settings) { TestServices = services };

    /// <summary>Services the test replaces after the host's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:ConnectionString", store.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        // The Workbench's synthetic returns are seconds of CPU per exchange; these tests do not read them.
        builder.UseSetting("Workbench:SyntheticOnStartup", "false");
        builder.UseSetting("Demo:Directory", Path.Combine(Path.GetTempPath(), "gmc-demo-unused"));
        builder.UseSetting("Tokens:DevelopmentKeyFile", Path.Combine(Path.GetTempPath(), "gmc-test-keys", Guid.NewGuid().ToString("N") + ".pem"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureServices(testServices);
        }
    }

    /// <summary>A client carrying a development bearer token for a demo practitioner.</summary>
    public HttpClient CreateClientAs(string practitioner = "demo-sw-352", string organisation = "dfe:352", string role = "social-worker", Purpose purpose = Purpose.Safeguarding)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(practitioner, organisation, role, purpose, TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await store.DisposeAsync();
    }
}
