namespace GmConnect.Storage;

/// <summary>One versioned schema change of a component, written once per dialect.</summary>
/// <param name="Version">1, 2, 3… in order; never reused, never edited once released.</param>
/// <param name="Name">A short name, e.g. <c>initial</c>.</param>
/// <param name="Sqlite">The SQL for SQLite.</param>
/// <param name="PostgreSql">The SQL for PostgreSQL.</param>
public sealed record Migration(int Version, string Name, string Sqlite, string PostgreSql)
{
    /// <summary>The SQL for a provider.</summary>
    public string SqlFor(StoreProvider provider) => provider == StoreProvider.PostgreSql ? PostgreSql : Sqlite;
}
