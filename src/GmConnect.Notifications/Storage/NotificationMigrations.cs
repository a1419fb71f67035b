using GmConnect.Storage;

namespace GmConnect.Notifications.Storage;

/// <summary>The Notifications schema migrations (component <c>notifications</c>), embedded in this assembly.</summary>
public static class NotificationMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "notifications";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(NotificationMigrations).Assembly, Component);
}
