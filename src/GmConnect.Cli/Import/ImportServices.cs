using GmConnect.Governance;
using GmConnect.Identity;
using GmConnect.Integration;
using GmConnect.Locator;
using GmConnect.Locator.Pointers;
using GmConnect.Notifications;
using GmConnect.Notifications.Delivery;
using GmConnect.Repository;
using GmConnect.Server.Imports.Fhir;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GmConnect.Cli.Import;

/// <summary>
/// The exchange's services as the server composes them for what an import touches: Governance (registries, audit),
/// the Identity Manager (the Locator resolves subjects through it), the Locator with its notification outbox, the
/// Repository, Integration and the host's FHIR import targets. Start-up work (Governance's registries, the identity
/// index) runs here; the notification dispatcher does not — the server delivers what the import put in the outbox.
/// </summary>
internal static class ImportServices
{
    public static async Task<ServiceProvider> StartAsync(Store store, string? practitioner, CancellationToken cancellationToken)
    {
        var configs = Path.Combine(AppContext.BaseDirectory, "configs");
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddGovernance(o => o.ConfigDirectory = Path.Combine(configs, "governance"))
            .AddIdentityManager()
            .AddLocator(o => o.RecordTypesFile = Path.Combine(configs, "locator", "record-types.json"))
            .AddRepository()
            .AddNotifications()
            .AddIntegration()
            .AddFhirImportTargets(practitioner);
        services.AddSingleton<IPointerObserver, GmConnect.Server.Locator.PointerNotifications>();
        var provider = services.BuildServiceProvider();
        try
        {
            await new MigrationRunner(store, provider.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync(cancellationToken);
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                if (hosted is not NotificationDispatcher)
                {
                    await hosted.StartAsync(cancellationToken);
                }
            }

            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}
