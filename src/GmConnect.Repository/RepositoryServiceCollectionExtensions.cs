using GmConnect.Governance;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Repository.Retrieval;
using GmConnect.Repository.Storage;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GmConnect.Repository;

/// <summary>Registers the Repository's services.</summary>
public static class RepositoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Repository: <see cref="ContentRepository"/>, <see cref="ContentRetrieval"/> and
    /// <see cref="RetentionSweeper"/>, over the host's <see cref="Store"/> (required), and registers
    /// <see cref="RepositoryMigrations.Source"/> as an <see cref="IMigrationSource"/>. Adds Governance if absent.
    /// </summary>
    public static IServiceCollection AddRepository(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ContentRepository)))
        {
            return services;
        }

        services.AddGovernance();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMigrationSource>(RepositoryMigrations.Source);
        services.TryAddSingleton(sp => new SqlContentStore(sp.GetRequiredService<Store>()));
        services.TryAddSingleton(sp => new ContentRepository(
            sp.GetRequiredService<SqlContentStore>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ContentRepository>>()));
        services.TryAddSingleton(sp => new ContentRetrieval(
            sp.GetRequiredService<ContentRepository>(), sp.GetRequiredService<AccessGate>(), sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new RetentionSweeper(
            sp.GetRequiredService<SqlContentStore>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RetentionSweeper>>()));
        return services;
    }
}
