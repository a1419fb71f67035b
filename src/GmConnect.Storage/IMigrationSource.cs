namespace GmConnect.Storage;

/// <summary>A component's migrations. Each component owns its tables and registers one source.</summary>
public interface IMigrationSource
{
    /// <summary>The component, e.g. <c>integration</c>; the key in <c>schema_migrations</c>.</summary>
    string Component { get; }

    /// <summary>The migrations in version order.</summary>
    IReadOnlyList<Migration> Migrations { get; }
}
