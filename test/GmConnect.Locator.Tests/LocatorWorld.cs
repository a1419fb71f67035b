using GmConnect.Governance;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Locator.Tests;

/// <summary>
/// The Locator as a host builds it (AddGovernance with the shipped demo config, AddLocator with the shipped record
/// types), on a fresh migrated store, with a fake clock and an in-memory Identity Manager.
/// </summary>
internal sealed class LocatorWorld : IAsyncDisposable
{
    /// <summary>Inside every demo agreement's dates (the expired one excepted).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public const string Nhs = IdentifierSystems.NhsNumber;

    private readonly ServiceProvider _services;
    private readonly TestStore _store;

    private LocatorWorld(ServiceProvider services, TestStore store, FakeTimeProvider time, FakeIdentityManager identity)
    {
        _services = services;
        _store = store;
        Time = time;
        Identity = identity;
    }

    public FakeTimeProvider Time { get; }

    public FakeIdentityManager Identity { get; }

    public IServiceProvider Services => _services;

    public PointerPublisher Publisher => _services.GetRequiredService<PointerPublisher>();

    public PointerFinder Finder => _services.GetRequiredService<PointerFinder>();

    public InvolvementRegister Involvements => _services.GetRequiredService<InvolvementRegister>();

    public GovernanceAdministration Governance => _services.GetRequiredService<GovernanceAdministration>();

    public AuditTrail Audit => _services.GetRequiredService<AuditTrail>();

    // Demo practitioners from configs/governance/practitioners.json.
    public static Actor ManchesterSocialWorker { get; } = new("demo-sw-352", "dfe:352", "social-worker");

    public static Actor SalfordSocialWorker { get; } = new("demo-sw-355", "dfe:355", "social-worker");

    public static Actor PoliceOfficer { get; } = new("demo-officer-06", "police:06", "police-officer");

    public static Actor MftClinician { get; } = new("demo-clinician-r0a", "ods:R0A", "clinician");

    public static Actor Admin { get; } = new("demo-admin", "gmc:exchange", "administrator");

    public static async Task<LocatorWorld> StartAsync(StoreProvider provider, Action<IServiceCollection>? configure = null)
    {
        var store = await TestStore.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var identity = new FakeIdentityManager();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store.Store);
        services.AddSingleton<IIdentityManager>(identity);
        services.AddLogging();
        services.AddGovernance(o => o.ConfigDirectory = Path.Combine(AppContext.BaseDirectory, "configs", "governance"));
        services.AddLocator(o => o.RecordTypesFile = Path.Combine(AppContext.BaseDirectory, "configs", "locator", "record-types.json"));
        configure?.Invoke(services);
        var provider_ = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await new MigrationRunner(store.Store, provider_.GetServices<IMigrationSource>(), time).MigrateAsync();
        foreach (var hosted in provider_.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new LocatorWorld(provider_, store, time, identity);
    }

    public static AccessRequest Request(Actor actor, Purpose purpose) =>
        new(actor.PractitionerId, actor.OrganisationId, actor.Role, purpose, AccessAction.Search);

    public static PointerDraft Draft(string type, string nhsNumber, string? master = null) => new()
    {
        Type = type,
        MasterIdentifier = master,
        Subjects = [new SubjectIdentifier(Nhs, nhsNumber)],
        Author = "team-a",
        PeriodStart = new DateOnly(2026, 3, 1),
        Content = [new PointerAttachment("https://records.example/" + type, "application/pdf")],
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }
}
