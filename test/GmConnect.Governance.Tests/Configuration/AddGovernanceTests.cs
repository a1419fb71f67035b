using GmConnect.Governance.Configuration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Storage;
using GmConnect.Governance.Storage.Memory;
using GmConnect.Governance.Storage.Sql;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GmConnect.Governance.Tests.Configuration;

public sealed class AddGovernanceTests
{
    [Fact]
    public void AddGovernance_CalledTwice_RegistersMigrationsAndStartupOnce()
    {
        var services = new ServiceCollection();

        services.AddGovernance();
        services.AddGovernance(o => o.BreakGlassDuration = TimeSpan.FromHours(2));

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IMigrationSource>());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(TimeSpan.FromHours(2), provider.GetRequiredService<IOptions<GovernanceOptions>>().Value.BreakGlassDuration);
        Assert.IsType<MemoryAuditStore>(provider.GetRequiredService<IAuditStore>());
    }

    [Fact]
    public async Task AddGovernance_WithAStoreRegistered_KeepsDataInIt()
    {
        await using var test = TestStore.CreateSqlite();
        var services = new ServiceCollection();
        services.AddSingleton(test.Store);
        services.AddGovernance(o => o.ConfigDirectory = ShippedConfigTests.ConfigDirectory);
        await using var provider = services.BuildServiceProvider();
        await new MigrationRunner(test.Store, provider.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync(TestContext.Current.CancellationToken);

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        Assert.IsType<SqlAuditStore>(provider.GetRequiredService<IAuditStore>());
        Assert.NotEmpty(await provider.GetRequiredService<IRegistryStore>().OrganisationsAsync(TestContext.Current.CancellationToken));
        var decision = await provider.GetRequiredService<AccessGate>().DecideAsync(
            new AccessRequest("demo-sw-352", "dfe:352", "social-worker", Purpose.DirectCare, AccessAction.Read),
            new GovernedResource("r", "p", "dfe:352", "care-plan"), TestContext.Current.CancellationToken);
        Assert.Equal(DecisionOutcome.Permit, decision.Outcome);
        Assert.True((await AuditStoreVerifier.VerifyAsync(test.Store, cancellationToken: TestContext.Current.CancellationToken)).IsIntact);
    }

    [Fact]
    public void Validate_BadOptions_ListsProblems()
    {
        var options = new GovernanceOptions { BreakGlassDuration = TimeSpan.FromHours(5), TimeZoneId = "Mars/Olympus", MaxAuditResults = 0 };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
    }
}
