using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Integration;

/// <summary>Integration's entry points for a host.</summary>
public static class IntegrationServices
{
    /// <summary>Integration's schema migrations.</summary>
    public static IMigrationSource Migrations { get; } = EmbeddedMigrations.FromAssembly(typeof(IntegrationServices).Assembly, "integration");

    /// <summary>Registers Integration's services and its migrations. Needs a <see cref="Store"/> and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddIntegration(this IServiceCollection services)
    {
        services.AddSingleton(Migrations);
        services.AddSingleton<PersonRecordImporter>();
        services.AddSingleton<Batches.ImportHistory>();
        // Targets for DocumentReference and Binary come from the host (IFhirImportTarget); Patients need none.
        services.AddSingleton(sp => new Fhir.FhirImporter(
            sp.GetRequiredService<Store>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Fhir.FhirImporter>>(), sp.GetServices<Fhir.IFhirImportTarget>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="IdentityFeed.IdentityFeedConsumer"/>, which submits imported records to the Identity Manager
    /// (needs an <see cref="GmConnect.Identity.Manager.IIdentityManager"/>). The host runs it in the background.
    /// </summary>
    public static IServiceCollection AddIdentityFeed(this IServiceCollection services)
    {
        // A factory, so that a host without an Identity Manager still validates its container at start-up.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IdentityFeed.IdentityFeedConsumer>(sp));
        return services;
    }
}
