using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GmConnect.Server.Tests;

/// <summary>The exchange in-process on a fresh store of the given kind, with settings for the test.</summary>
public sealed class ExchangeFactory(TestStore store, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public static async Task<ExchangeFactory> CreateAsync(StoreProvider provider, IDictionary<string, string?>? settings = null) =>
        new(await TestStore.CreateAsync(provider), settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:ConnectionString", store.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        builder.UseSetting("Demo:Directory", Path.Combine(Path.GetTempPath(), "gmc-demo-unused"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await store.DisposeAsync();
    }
}
