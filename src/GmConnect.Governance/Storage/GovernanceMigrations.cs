using GmConnect.Storage;

namespace GmConnect.Governance.Storage;

/// <summary>Governance's schema migrations (component <c>governance</c>), embedded in this assembly.</summary>
public static class GovernanceMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "governance";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(GovernanceMigrations).Assembly, Component);
}
