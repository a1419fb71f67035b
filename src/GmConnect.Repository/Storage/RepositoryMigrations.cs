using GmConnect.Storage;

namespace GmConnect.Repository.Storage;

/// <summary>The Repository's schema migrations (component <c>repository</c>), embedded in this assembly.</summary>
public static class RepositoryMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "repository";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(RepositoryMigrations).Assembly, Component);
}
