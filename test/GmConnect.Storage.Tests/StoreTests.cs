namespace GmConnect.Storage.Tests;

public sealed class StoreTests
{
    [Theory]
    [InlineData("Data Source=data/gmconnect.db", StoreProvider.Sqlite)]
    [InlineData("Filename=/tmp/x.db", StoreProvider.Sqlite)]
    [InlineData("Host=127.0.0.1;Username=gmc;Database=gmc", StoreProvider.PostgreSql)]
    [InlineData("Server=db;Database=gmc", StoreProvider.PostgreSql)]
    public void DetectProvider_ConnectionString_ChoosesTheStore(string connectionString, StoreProvider expected) =>
        Assert.Equal(expected, Store.DetectProvider(connectionString));

    [Theory]
    [InlineData("Database=gmc")]
    [InlineData("not a connection string")]
    public void Validate_UnusableConnectionString_ThrowsWithAHint(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new StoreOptions { ConnectionString = connectionString }.Validate());
        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SqliteInMissingFolder_CreatesTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gmc-" + Guid.NewGuid().ToString("N"), "data");
        await using (var store = Store.Open($"Data Source={Path.Combine(folder, "x.db")}"))
        {
            await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal(StoreProvider.Sqlite, store.Provider);
        }

        Assert.True(File.Exists(Path.Combine(folder, "x.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }
}
