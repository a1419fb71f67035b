using System.Text.Json.Nodes;
using GmConnect.Governance;
using GmConnect.Governance.Audit;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Outbox;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Notifications.Tests;

/// <summary>
/// Notifications as a host builds them, over a migrated store, with Governance seeded from the shipped demo
/// configuration — plus one category the shipped agreements do not name yet, <c>unscheduled-care-attendance</c>
/// (an A&amp;E attendance), added to the safeguarding agreement for the CP-IS scenario — and a fake clock. The
/// dispatcher is not started: tests call <see cref="NotificationDispatcher.DispatchOnceAsync"/> and move the clock.
/// </summary>
internal sealed class TestNotifications : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TestStore _store;
    private readonly DirectoryInfo _config;

    private TestNotifications(ServiceProvider services, TestStore store, DirectoryInfo config, FakeTimeProvider time)
    {
        _services = services;
        _store = store;
        _config = config;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public Store Store => _store.Store;

    public NotificationOutbox Outbox => _services.GetRequiredService<NotificationOutbox>();

    public SubscriptionService Subscriptions => _services.GetRequiredService<SubscriptionService>();

    public NotificationDispatcher Dispatcher => _services.GetRequiredService<NotificationDispatcher>();

    public AuditTrail Audit => _services.GetRequiredService<AuditTrail>();

    /// <summary>Identifiers the fake Identity Manager knows: <c>system|value</c> → person key.</summary>
    public Dictionary<string, string> People { get; } = new(StringComparer.Ordinal);

    public static async Task<TestNotifications> StartAsync(StoreProvider provider, Action<NotificationOptions>? configure = null)
    {
        var store = await TestStore.CreateAsync(provider);
        var config = CopyGovernanceConfig();
        var time = new FakeTimeProvider(Start);
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store.Store);
        services.AddLogging();
        services.AddSingleton<ISubjectResolver>(new DictionaryResolver(people));
        services.AddGovernance(o => o.ConfigDirectory = config.FullName);
        services.AddNotifications(o =>
        {
            o.AllowInsecureEndpoints = true;
            o.MaxAttempts = 4;
            o.InitialBackoff = TimeSpan.FromSeconds(10);
            o.MaxBackoff = TimeSpan.FromMinutes(5);
            configure?.Invoke(o);
        });
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await new MigrationRunner(store.Store, built.GetServices<IMigrationSource>(), time).MigrateAsync(TestContext.Current.CancellationToken);
        foreach (var hosted in built.GetServices<IHostedService>().Where(h => h is not NotificationDispatcher))
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        var result = new TestNotifications(built, store, config, time);
        foreach (var (key, value) in people)
        {
            result.People[key] = value;
        }

        // The resolver reads the same dictionary the test fills.
        ((DictionaryResolver)built.GetRequiredService<ISubjectResolver>()).Use(result.People);
        return result;
    }

    /// <summary>An event about a pointer, as the Locator would enqueue it when the pointer is created.</summary>
    public NotificationEvent PointerCreated(string pointerId, string person, string recordType, string category, string custodian) =>
        new("pointer-created:" + pointerId, NotificationKinds.PointerCreated, person, pointerId, recordType, category, custodian,
            Governance.Sensitivity.SensitivityLabels.None, Time.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _config.Delete(recursive: true);
    }

    private static DirectoryInfo CopyGovernanceConfig()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "configs", "governance");
        var target = Directory.CreateTempSubdirectory("gmc-notif-gov-");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }

        var agreementsFile = Path.Combine(target.FullName, "agreements.json");
        var agreements = JsonNode.Parse(File.ReadAllText(agreementsFile))!.AsArray();
        var safeguarding = agreements.Single(a => (string?)a!["id"] == "isa-gm-safeguarding")!;
        safeguarding["categories"]!.AsArray().Add("unscheduled-care-attendance");
        File.WriteAllText(agreementsFile, agreements.ToJsonString());
        return target;
    }

    private sealed class DictionaryResolver(Dictionary<string, string> people) : ISubjectResolver
    {
        private Dictionary<string, string> _people = people;

        public void Use(Dictionary<string, string> people) => _people = people;

        public Task<string?> ResolvePersonKeyAsync(string system, string value, CancellationToken cancellationToken = default) =>
            Task.FromResult(_people.TryGetValue(system + "|" + value, out var key) ? key : null);
    }
}
