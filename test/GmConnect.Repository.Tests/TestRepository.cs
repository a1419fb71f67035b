using GmConnect.Governance;
using GmConnect.Governance.Audit;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Repository.Retrieval;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Repository.Tests;

/// <summary>
/// The Repository as a host builds it (AddRepository over a migrated store), with Governance seeded from the shipped
/// demo registries and agreements, and a fake clock.
/// </summary>
internal sealed class TestRepository : IAsyncDisposable
{
    /// <summary>10:00 UTC on a Saturday in November 2026: inside the demo agreements' terms.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TestStore _store;

    private TestRepository(ServiceProvider services, TestStore store, FakeTimeProvider time)
    {
        _services = services;
        _store = store;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public TestStore TestStore => _store;

    public IServiceProvider Services => _services;

    public ContentRepository Content => _services.GetRequiredService<ContentRepository>();

    public ContentRetrieval Retrieval => _services.GetRequiredService<ContentRetrieval>();

    public RetentionSweeper Sweeper => _services.GetRequiredService<RetentionSweeper>();

    public AuditTrail Audit => _services.GetRequiredService<AuditTrail>();

    public static async Task<TestRepository> StartAsync(StoreProvider provider, Action<IServiceCollection>? configure = null)
    {
        var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store.Store);
        services.AddLogging();
        services.AddGovernance(o => o.ConfigDirectory = Path.Combine(AppContext.BaseDirectory, "configs", "governance"));
        services.AddRepository();
        configure?.Invoke(services);
        var provider1 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await new MigrationRunner(store.Store, provider1.GetServices<IMigrationSource>(), time).MigrateAsync(TestContext.Current.CancellationToken);
        foreach (var hosted in provider1.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        return new TestRepository(provider1, store, time);
    }

    /// <summary>A child protection plan published by Manchester (dfe:352) about <paramref name="person"/>.</summary>
    public static PublishRequest Plan(string text, string person = "person-1", string? id = null, DateOnly? dateOfBirth = null, string retention = RetentionClasses.DobPlus31Years) =>
        new(id, System.Text.Encoding.UTF8.GetBytes(text), "text/plain", "dfe:352", "demo-sw-352", "child-protection-plan", "child-protection-plan",
            person, dateOfBirth ?? new DateOnly(2015, 6, 1), retention);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }
}
