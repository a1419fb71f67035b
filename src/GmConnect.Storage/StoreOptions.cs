namespace GmConnect.Storage;

/// <summary>
/// Where the exchange keeps its data. Bound from the <c>Store</c> configuration section.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Store";

    /// <summary>
    /// An ADO.NET connection string. A PostgreSQL one (it names a <c>Host</c>) selects PostgreSQL;
    /// anything else is a SQLite connection string. Default: <c>Data Source=data/gmconnect.db</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/gmconnect.db";

    /// <summary>Checks the options, naming what is wrong.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or unparseable.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("Store:ConnectionString is empty; set it to a SQLite 'Data Source=…' or a PostgreSQL 'Host=…' connection string.");
        }

        _ = Store.DetectProvider(ConnectionString);
    }
}
