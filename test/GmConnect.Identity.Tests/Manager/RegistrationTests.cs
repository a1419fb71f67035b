using GmConnect.Governance.SubjectAccess;
using GmConnect.Identity.Manager;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GmConnect.Identity.Tests.Manager;

/// <summary><c>AddIdentityManager</c> as a host uses it: migrate, start, submit, subject access.</summary>
public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddIdentityManager_HostStarts_IndexServesRecordsAndSubjectAccess()
    {
        await using var store = TestStore.CreateSqlite();
        var services = new ServiceCollection();
        services.AddSingleton(store.Store);
        services.AddIdentityManager(o => o.LowerThreshold = 0.7);
        await using var provider = services.BuildServiceProvider();
        await new MigrationRunner(store.Store, provider.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync(Ct);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(Ct);
        }

        var manager = provider.GetRequiredService<IIdentityManager>();
        var outcome = await manager.SubmitAsync(TestPeople.Amelia(), Ct);
        var held = await provider.GetServices<ISubjectRecordSource>().Single().RecordsAboutAsync(outcome.PersonId, Ct);

        Assert.Equal(0.7, provider.GetRequiredService<IOptions<IdentityManagerOptions>>().Value.LowerThreshold);
        var line = Assert.Single(held);
        Assert.Equal("gp:P84001|g1", line.ResourceId);
        Assert.Equal("gp:P84001", line.CustodianId);
        Assert.DoesNotContain("Amelia", line.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIdentityManager_BadThresholds_RefusedAtStart()
    {
        var services = new ServiceCollection();
        services.AddIdentityManager(o => o.LowerThreshold = 0.995);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IdentityManagerOptions>>().Value);
    }
}
