namespace GmConnect.Storage;

/// <summary>The two stores GM Connect runs on.</summary>
public enum StoreProvider
{
    /// <summary>Embedded SQLite: a file under <c>./data/</c>, the default on a laptop.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the production store.</summary>
    PostgreSql,
}
