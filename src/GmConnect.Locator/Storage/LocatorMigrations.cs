using GmConnect.Storage;

namespace GmConnect.Locator.Storage;

/// <summary>The Locator's schema migrations (component <c>locator</c>), embedded in this assembly.</summary>
public static class LocatorMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "locator";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(LocatorMigrations).Assembly, Component);
}
