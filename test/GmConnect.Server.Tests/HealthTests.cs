using System.Net;
using System.Net.Http.Json;
using GmConnect.Server.Health;
using GmConnect.Storage;

namespace GmConnect.Server.Tests;

public abstract class HealthContract(StoreProvider provider)
{
    [Fact]
    public async Task GetHealth_FreshStore_HealthyWithEveryComponentMigrated()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(provider);
        var client = exchange.CreateClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(TestContext.Current.CancellationToken);
        Assert.Equal("healthy", report!.Status);
        Assert.Equal(provider.ToString(), report.Store.Provider);
        Assert.Contains(report.Migrations, m => m.Component == "integration" && m.Current == m.Latest && m.Latest >= 1);
        Assert.DoesNotContain("Password", report.Store.Description, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HealthSqliteTests() : HealthContract(StoreProvider.Sqlite);

public sealed class HealthPostgresTests() : HealthContract(StoreProvider.PostgreSql);

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Start_FirstRunWithSeeding_LoadsTheDemoPopulationOnce()
    {
        var folder = Directory.CreateTempSubdirectory("gmc-demo-");
        var settings = new Dictionary<string, string?>
        {
            ["Demo:SeedOnFirstRun"] = "true",
            ["Demo:People"] = "300",
            ["Demo:Directory"] = folder.FullName,
        };
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite, settings);

        var batches = await exchange.CreateClientAs().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/imports", TestContext.Current.CancellationToken);

        var files = Directory.GetFiles(folder.FullName, "records-*.csv");
        Assert.NotEmpty(files);
        Assert.Equal(files.Length, batches.GetArrayLength());
        var accepted = batches.EnumerateArray().Sum(b => b.GetProperty("accepted").GetInt32());
        var truthRows = File.ReadLines(Path.Combine(folder.FullName, "truth.csv")).Count() - 1;
        Assert.Equal(truthRows, accepted + batches.EnumerateArray().Sum(b => b.GetProperty("rejected").GetInt32()));
        Assert.True(accepted > 300, $"expected more records than people, got {accepted}");
        folder.Delete(recursive: true);
    }
}
