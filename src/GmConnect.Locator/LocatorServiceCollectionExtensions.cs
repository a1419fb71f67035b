using GmConnect.Governance;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Demo;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Locator.Storage;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Locator;

/// <summary>Registers the Record Locator's services.</summary>
public static class LocatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Locator: <see cref="RecordTypeRegistry"/> (loaded and validated when first resolved),
    /// <see cref="PointerPublisher"/>, <see cref="BulkPointerPublisher"/> (for bulk loads), <see cref="PointerFinder"/>, <see cref="InvolvementRegister"/>, and
    /// <see cref="LocatorMigrations.Source"/> as an <see cref="IMigrationSource"/>. Needs the host's <see cref="Store"/>,
    /// Governance (added here if missing) and an <see cref="IIdentityManager"/>.
    /// </summary>
    public static IServiceCollection AddLocator(this IServiceCollection services, Action<LocatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LocatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PointerFinder)))
        {
            return services;
        }

        options.Validate(o => o.Validate().Count == 0, "LocatorOptions are invalid (see LocatorOptions.Validate).");
        services.AddGovernance();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMigrationSource>(LocatorMigrations.Source);
        services.TryAddSingleton(sp =>
        {
            var registry = RecordTypeRegistry.Load(sp.GetRequiredService<IOptions<LocatorOptions>>().Value.RecordTypesFile);
            Log.RecordTypesLoaded(sp.GetRequiredService<ILogger<RecordTypeRegistry>>(), registry.Types.Count, registry.Categories.Count);
            return registry;
        });
        services.TryAddSingleton(sp => new PointerStore(sp.GetRequiredService<Store>()));
        services.TryAddSingleton(sp => new InvolvementStore(sp.GetRequiredService<Store>()));
        services.TryAddSingleton(sp => new PersonResolver(sp.GetRequiredService<IIdentityManager>()));
        services.TryAddSingleton(sp => new PointerPublisher(
            sp.GetRequiredService<PointerStore>(), sp.GetRequiredService<RecordTypeRegistry>(), sp.GetRequiredService<GovernanceAdministration>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PointerPublisher>>(), sp.GetServices<IPointerObserver>()));
        services.TryAddSingleton(sp => new BulkPointerPublisher(
            sp.GetRequiredService<PointerStore>(), sp.GetRequiredService<RecordTypeRegistry>(), sp.GetRequiredService<GovernanceAdministration>(),
            sp.GetRequiredService<PointerPublisher>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<PersonResolver>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BulkPointerPublisher>>(), sp.GetServices<IPointerObserver>()));
        services.TryAddSingleton(sp => new PointerFinder(
            sp.GetRequiredService<PointerStore>(), sp.GetRequiredService<RecordTypeRegistry>(), sp.GetRequiredService<AccessGate>(),
            sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ILogger<PointerFinder>>()));
        services.TryAddSingleton(sp => new InvolvementRegister(
            sp.GetRequiredService<InvolvementStore>(), sp.GetRequiredService<GovernanceAdministration>(), sp.GetRequiredService<AccessGate>(),
            sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<InvolvementRegister>>()));
        services.TryAddSingleton(sp => new InvolvementFollower(
            sp.GetRequiredService<InvolvementStore>(), sp.GetRequiredService<IIdentityManager>(), sp.GetRequiredService<PersonResolver>(),
            sp.GetRequiredService<GovernanceAdministration>(), sp.GetRequiredService<ILogger<InvolvementFollower>>()));
        services.AddHostedService(sp => new InvolvementFollowerService(
            sp.GetRequiredService<InvolvementFollower>(), sp.GetRequiredService<IOptions<LocatorOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InvolvementFollowerService>>()));
        services.TryAddSingleton(sp => new LocatorDemoSeeder(
            sp.GetRequiredService<PointerStore>(), sp.GetRequiredService<PointerPublisher>(), sp.GetRequiredService<InvolvementRegister>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocatorDemoSeeder>>(), sp.GetService<IDemoContentPublisher>()));
        return services;
    }
}
