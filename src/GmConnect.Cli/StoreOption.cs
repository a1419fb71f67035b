using System.CommandLine;

namespace GmConnect.Cli;

/// <summary>The <c>--store</c> option shared by commands that touch the exchange's database.</summary>
internal static class StoreOption
{
    public static Option<string> Create() => new("--store")
    {
        Description = "The store's connection string: SQLite 'Data Source=…' or PostgreSQL 'Host=…'. Default: $GMC_STORE, else data/gmconnect.db.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GMC_STORE") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "Data Source=data/gmconnect.db",
    };
}
