using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Configuration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Storage;
using GmConnect.Governance.Storage.Memory;
using GmConnect.Governance.Storage.Sql;
using GmConnect.Storage;
using GmConnect.Governance.SubjectAccess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Governance;

/// <summary>Registers Governance's services.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds Governance: <see cref="AccessGate"/>, <see cref="AuditTrail"/>, <see cref="BreakGlassService"/>,
    /// <see cref="GovernanceAdministration"/>, <see cref="SubjectAccessService"/>, and a hosted service that loads
    /// the registries at start. Governance's data lives in the host's <see cref="Store"/> when one is registered (run
    /// <see cref="MigrationRunner"/> with the registered <see cref="IMigrationSource"/>s first), otherwise in memory.
    /// </summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services, Action<GovernanceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GovernanceOptions>();
        if (services.Any(d => d.ServiceType == typeof(AccessGate)))
        {
            // Already added: only apply the extra configuration, so the migration source and the hosted
            // service are not registered twice.
            if (configure is not null)
            {
                options.Configure(configure);
            }

            return services;
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Validate().Count == 0, "GovernanceOptions are invalid (see GovernanceOptions.Validate).");
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // With a GmConnect.Storage Store registered by the host, Governance keeps its data there (SQLite or
        // PostgreSQL); without one, in memory (tests, throw-away demos).
        services.AddSingleton<IMigrationSource>(GovernanceMigrations.Source);
        services.TryAddSingleton<IAuditStore>(sp => sp.GetService<Store>() is { } store ? new SqlAuditStore(store) : new MemoryAuditStore());
        services.TryAddSingleton<IAgreementStore>(sp => sp.GetService<Store>() is { } store ? new SqlAgreementStore(store) : new MemoryAgreementStore());
        services.TryAddSingleton<IDirectiveStore>(sp => sp.GetService<Store>() is { } store ? new SqlDirectiveStore(store) : new MemoryDirectiveStore());
        services.TryAddSingleton<IBreakGlassStore>(sp => sp.GetService<Store>() is { } store ? new SqlBreakGlassStore(store) : new MemoryBreakGlassStore());
        services.TryAddSingleton<ISubjectStore>(sp => sp.GetService<Store>() is { } store ? new SqlSubjectStore(store) : new MemorySubjectStore());
        services.TryAddSingleton<IRegistryStore>(sp => sp.GetService<Store>() is { } store ? new SqlRegistryStore(store) : new MemoryRegistryStore());

        services.TryAddSingleton(_ => new PolicyState());
        services.TryAddSingleton(sp => new RegionalClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.TimeZoneId));
        services.TryAddSingleton(sp => new DecisionEngine(sp.GetRequiredService<PolicyState>(), sp.GetRequiredService<RegionalClock>()));
        services.TryAddSingleton(sp =>
        {
            var (directives, subjects, breakGlass) = (sp.GetRequiredService<IDirectiveStore>(), sp.GetRequiredService<ISubjectStore>(), sp.GetRequiredService<IBreakGlassStore>());
            // One round trip per person when all three are the SQL stores of one Store (then they read the same tables).
            var reader = sp.GetService<Store>() is { } store && directives is SqlDirectiveStore && subjects is SqlSubjectStore && breakGlass is SqlBreakGlassStore
                ? new SqlSubjectPolicyReader(store)
                : null;
            return new SubjectPolicyLoader(directives, subjects, breakGlass, reader);
        });
        services.TryAddSingleton(sp => new IgAlertOutbox(sp.GetRequiredService<ILogger<IgAlertOutbox>>()));
        services.TryAddSingleton<IIgAlertSink>(sp => sp.GetRequiredService<IgAlertOutbox>());
        services.TryAddSingleton(sp => new BreakGlassAlerter(
            sp.GetRequiredService<PolicyState>(), sp.GetRequiredService<IIgAlertSink>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IAuditStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuditTrail>>(), sp.GetRequiredService<IOptions<GovernanceOptions>>()));
        services.TryAddSingleton(sp => new AccessGate(
            sp.GetRequiredService<DecisionEngine>(), sp.GetRequiredService<SubjectPolicyLoader>(), sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<BreakGlassAlerter>(), sp.GetRequiredService<ILogger<AccessGate>>()));
        services.TryAddSingleton(sp => new BreakGlassService(
            sp.GetRequiredService<PolicyState>(), sp.GetRequiredService<IBreakGlassStore>(), sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<BreakGlassAlerter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GovernanceOptions>>(), sp.GetRequiredService<ILogger<BreakGlassService>>()));
        services.TryAddSingleton(sp => new GovernanceAdministration(
            sp.GetRequiredService<PolicyState>(), sp.GetRequiredService<IRegistryStore>(), sp.GetRequiredService<IAgreementStore>(),
            sp.GetRequiredService<IDirectiveStore>(), sp.GetRequiredService<ISubjectStore>(), sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SubjectAccessService(
            sp.GetRequiredService<SubjectPolicyLoader>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<PolicyState>(),
            sp.GetServices<ISubjectRecordSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new GovernanceInitializer(
            sp.GetRequiredService<PolicyState>(), sp.GetRequiredService<IRegistryStore>(), sp.GetRequiredService<IAgreementStore>(),
            sp.GetRequiredService<IOptions<GovernanceOptions>>(), sp.GetRequiredService<ILogger<GovernanceInitializer>>()));
        return services;
    }
}
