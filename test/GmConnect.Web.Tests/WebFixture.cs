using GmConnect.Identity.Manager;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(GmConnect.Web.Tests.WebFixture))]

namespace GmConnect.Web.Tests;

/// <summary>
/// The exchange on a real loopback socket with a small demo population, and one Chromium for
/// every browser test. Chromium comes from Debian (/usr/bin/chromium, installed by .ci/run);
/// when it is missing the tests are skipped locally with that reason, and fail under CI=true.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly DirectoryInfo _demo = Directory.CreateTempSubdirectory("gmc-web-demo-");
    private Exchange? _exchange;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? Unavailable { get; private set; }

    /// <summary>The exchange's services, for a test to set up what its journey needs (as another component would).</summary>
    public IServiceProvider Services => _exchange?.Services ?? throw new InvalidOperationException("The exchange is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Browser tests skipped: {ChromiumPath} is missing (apt-get install chromium).";
            return;
        }

        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _exchange = new Exchange(store, _demo.FullName);
        _exchange.UseKestrel(0);
        _exchange.StartServer();
        var addresses = _exchange.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        await IdentityPeople.AddStrangersAsync(Identity, 40);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these Chromium tries to reach Google's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page at the given width (CSS pixels); skips or fails the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1024, bool javaScript = true, string? baseUrl = null)
    {
        if (Browser is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(Unavailable + " Under CI the browser tests must run.");
            }

            Assert.Skip(Unavailable ?? "Browser tests skipped: no browser.");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, BaseURL = baseUrl ?? BaseUrl, JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }

        _demo.Delete(recursive: true);
    }

    /// <summary>The exchange's Identity Manager (the real one), for tests to submit the records their journey needs.</summary>
    public IIdentityManager Identity => Services.GetRequiredService<IIdentityManager>();

    internal sealed class Exchange(TestStore store, string demoDirectory, bool seedDemo = true) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Store:ConnectionString", store.ConnectionString);
            builder.UseSetting("Demo:SeedOnFirstRun", seedDemo ? "true" : "false");
            builder.UseSetting("Demo:People", "400");
            // The browser tests give the Identity Manager its population themselves (IdentityPeople), so that the
            // matcher's model and thresholds see the same records on every run; the demo feed (tested in Server.Tests)
            // would add the demo people in the background while tests run and change which pairs are uncertain.
            builder.UseSetting("IdentityFeed:Enabled", "false");
            builder.UseSetting("Demo:Directory", demoDirectory);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            // The Workbench's synthetic returns, smaller than the demo's so that the fixture starts quickly: still ten authorities.
            builder.UseSetting("Workbench:Scale", "0.25");
            builder.UseSetting("Workbench:FirstEndYear", "2019");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
