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
