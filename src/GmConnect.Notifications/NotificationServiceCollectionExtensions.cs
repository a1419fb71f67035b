using GmConnect.Governance;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Outbox;
using GmConnect.Notifications.Storage;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Notifications;

/// <summary>Registers Notifications' services.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Adds Notifications over the host's <see cref="Store"/> (required): <see cref="NotificationOutbox"/>,
    /// <see cref="SubscriptionService"/> and the hosted <see cref="NotificationDispatcher"/>; registers
    /// <see cref="NotificationMigrations.Source"/>. Options are validated at start. Subscriptions on a person need an
    /// <see cref="ISubjectResolver"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, Action<NotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NotificationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(NotificationOutbox)))
        {
            return services;
        }

        options.Validate(o => o.Validate().Count == 0, "NotificationOptions are invalid (see NotificationOptions.Validate).").ValidateOnStart();
        services.AddGovernance();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMigrationSource>(NotificationMigrations.Source);
        services.TryAddSingleton(sp => new SqlNotificationStore(sp.GetRequiredService<Store>()));
        services.TryAddSingleton(sp => new NotificationOutbox(sp.GetRequiredService<SqlNotificationStore>()));
        services.TryAddSingleton(sp => new SubscriptionService(
            sp.GetRequiredService<SqlNotificationStore>(), sp.GetService<ISubjectResolver>(), sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<NotificationOptions>>()));
        services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<SqlNotificationStore>(), sp.GetRequiredService<AccessGate>(),
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<NotificationOptions>>(), sp.GetRequiredService<ILogger<NotificationDispatcher>>(),
            sp.GetService<ISubjectResolver>()));
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
