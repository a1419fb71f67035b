using System.Diagnostics;
using System.Globalization;
using System.Net;
using GmConnect.Server.Workbench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

// dotnet run -c Release --project bench/GmConnect.Workbench.WebBenchmarks [-- ROUNDS]
// The dashboard (/workbench) for all ten authorities over ten years (the default Workbench settings): server time
// per request over HTTP, and in Chromium the time from navigation until every chart on the page is drawn.
namespace GmConnect.Workbench.WebBenchmarks;

internal static class WebBenchmark
{
    public static async Task Main(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var work = Directory.CreateTempSubdirectory("gmc-wb-bench-");
        try
        {
            // The host's content root (wwwroot, configs) is its project folder, found from here upwards.
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "GmConnect.Server")))
            {
                root = root.Parent;
            }

            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GMCONNECT_SERVER",
                Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run from within the repository."), "src", "GmConnect.Server"));
            await using var exchange = new Exchange(work.FullName);
            exchange.UseKestrel(0);
            exchange.StartServer();
            var baseUrl = exchange.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

            var ready = Stopwatch.StartNew();
            var dataset = await exchange.Services.GetRequiredService<WorkbenchData>().DatasetAsync(CancellationToken.None)
                ?? throw new InvalidOperationException("The Workbench has no data.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data {dataset.Version}: {dataset.Authorities.Count} authorities x {dataset.Years.Count} years, {dataset.History.Children.Count:N0} children; ready {ready.ElapsedMilliseconds} ms after start-up"));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in?ReturnUrl=%2Fworkbench");
            await page.GetByLabel("Demo Analyst (Manchester)", new() { Exact = true }).First.CheckAsync();
            await page.GetByLabel("Secondary use", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForSelectorAsync("body[data-charts-drawn=true]", new() { Timeout = 120_000 });

            // Server time: the same session's cookie on a plain HTTP client; the first request (cold caches) reported apart.
            var cookies = new CookieContainer();
            foreach (var c in await context.CookiesAsync())
            {
                cookies.Add(new Uri(baseUrl), new System.Net.Cookie(c.Name, c.Value, c.Path));
            }

            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
            var server = new List<double>();
            long bytes = 0;
            for (var i = 0; i < rounds + 1; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync("/workbench");
                var body = await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"/workbench answered {(int)response.StatusCode}");
                }

                bytes = body.Length;
                server.Add(clock.Elapsed.TotalMilliseconds);
            }

            // A filter not seen before: every measure and the drifters story computed again over the children it selects (then cached).
            var filtered = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync("/workbench?sex=F&ethnicity=white");
                await response.Content.ReadAsByteArrayAsync();
                filtered.Add(clock.Elapsed.TotalMilliseconds);
            }

            // Chromium: navigation to every chart drawn (vega-embed's promise resolved for each), a fresh load each round.
            var browserTimes = new List<double>();
            for (var i = 0; i < rounds + 1; i++)
            {
                var clock = Stopwatch.StartNew();
                await page.GotoAsync("/workbench?round=" + i.ToString(CultureInfo.InvariantCulture));
                await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
                clock.Stop();
                browserTimes.Add(clock.Elapsed.TotalMilliseconds);
            }

            var charts = await page.Locator("[data-chart-drawn=true]").CountAsync();
            Report("server: GET /workbench (HTML, " + (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB)", server);
            Report("server: GET /workbench?sex=F&ethnicity=white (a new filter, then cached)", filtered);
            Report($"Chromium: navigation until all {charts} charts are drawn", browserTimes);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        static void Report(string what, List<double> times)
        {
            var warm = times.Skip(1).Order().ToList();
            double P(double q) => warm[Math.Min(warm.Count - 1, (int)Math.Ceiling(q * warm.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: first {times[0]:F0} ms; then n={warm.Count} median {P(0.5):F0} ms, p90 {P(0.9):F0} ms, max {warm[^1]:F0} ms"));
        }
    }
}

/// <summary>The exchange on a loopback socket with an empty SQLite store and the default Workbench data.</summary>
internal sealed class Exchange(string directory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:ConnectionString", "Data Source=" + Path.Combine(directory, "bench.db"));
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        builder.UseSetting("IdentityFeed:Enabled", "false");
        builder.UseSetting("Tokens:DevelopmentKeyFile", Path.Combine(directory, "dev-key.pem"));
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
