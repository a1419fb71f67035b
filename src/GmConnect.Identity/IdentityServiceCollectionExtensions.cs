using GmConnect.Governance.SubjectAccess;
using GmConnect.Identity.Hosting;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Identity.SubjectAccess;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Identity;

/// <summary>Registers the Identity Manager.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Identity Manager (<see cref="IIdentityManager"/>, also as <see cref="IdentityManager"/>), its migration
    /// source, its part of a subject access report (<see cref="ISubjectRecordSource"/>), and a hosted start-up that
    /// rebuilds the in-memory index from the store. The host registers the <see cref="Store"/> and runs the
    /// <see cref="MigrationRunner"/> before hosted services start. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddIdentityManager(this IServiceCollection services, Action<IdentityManagerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IdentityManagerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(IdentityManager)))
        {
            return services;
        }

        options.Validate(o => o.Validate().Count == 0, "IdentityManagerOptions are invalid (see IdentityManagerOptions.Validate).").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IMigrationSource>(IdentityMigrations.Source);
        services.TryAddSingleton(sp => new IdentityManager(
            sp.GetService<Store>() ?? throw new InvalidOperationException("The Identity Manager keeps its index in the exchange's store: register a GmConnect.Storage.Store."),
            sp.GetRequiredService<IOptions<IdentityManagerOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IdentityManager>>()));
        services.TryAddSingleton<IIdentityManager>(sp => sp.GetRequiredService<IdentityManager>());
        services.AddSingleton<ISubjectRecordSource>(sp => new IdentitySubjectRecords(sp.GetRequiredService<IIdentityManager>()));
        services.AddHostedService(sp => new IdentityIndexStartup(sp.GetRequiredService<IdentityManager>()));
        return services;
    }
}
