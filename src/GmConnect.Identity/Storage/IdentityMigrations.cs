using GmConnect.Storage;

namespace GmConnect.Identity.Storage;

/// <summary>The Identity Manager's schema migrations (component <c>identity</c>), embedded in this assembly.</summary>
public static class IdentityMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "identity";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(IdentityMigrations).Assembly, Component);
}
