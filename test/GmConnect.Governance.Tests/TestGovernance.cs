using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Configuration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Storage;
using GmConnect.Governance.SubjectAccess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Governance.Tests;

/// <summary>Governance as a host would build it (AddGovernance), in memory, with the test world and a fake clock.</summary>
internal sealed class TestGovernance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestGovernance(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public AccessGate Gate => _services.GetRequiredService<AccessGate>();

    public AuditTrail Audit => _services.GetRequiredService<AuditTrail>();

    public BreakGlassService BreakGlass => _services.GetRequiredService<BreakGlassService>();

    public GovernanceAdministration Admin => _services.GetRequiredService<GovernanceAdministration>();

    public SubjectAccessService SubjectAccess => _services.GetRequiredService<SubjectAccessService>();

    public IgAlertOutbox Alerts => _services.GetRequiredService<IgAlertOutbox>();

    public static Actor AdminActor { get; } = new("admin", World.Exchange, "administrator");

    public static async Task<TestGovernance> StartAsync(Action<IServiceCollection>? configure = null, string? configDirectory = null, bool seedWorld = true)
    {
        var time = new FakeTimeProvider(World.Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(services);
        services.AddGovernance(o => o.ConfigDirectory = configDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        if (seedWorld)
        {
            var registry = provider.GetRequiredService<IRegistryStore>();
            foreach (var o in World.Organisations)
            {
                await registry.SaveOrganisationAsync(o);
            }

            foreach (var r in World.Roles)
            {
                await registry.SaveRoleAsync(r);
            }

            foreach (var p in World.Practitioners)
            {
                await registry.SavePractitionerAsync(p);
            }

            var agreements = provider.GetRequiredService<IAgreementStore>();
            foreach (var a in World.Agreements)
            {
                await agreements.SaveAsync(a);
            }
        }

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new TestGovernance(provider, time);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
