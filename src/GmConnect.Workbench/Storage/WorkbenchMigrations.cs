using GmConnect.Storage;

namespace GmConnect.Workbench.Storage;

/// <summary>The Workbench's schema migrations (component <c>workbench</c>: reports), embedded in this assembly.</summary>
public static class WorkbenchMigrations
{
    /// <summary>The component name in <c>schema_migrations</c>.</summary>
    public const string Component = "workbench";

    /// <summary>The migration source to hand to <see cref="MigrationRunner"/>.</summary>
    public static IMigrationSource Source { get; } = EmbeddedMigrations.FromAssembly(typeof(WorkbenchMigrations).Assembly, Component);
}
