namespace GmConnect.Storage.Tests;

public sealed class EmbeddedMigrationsTests
{
    [Fact]
    public void FromAssembly_EmbeddedSqlFiles_ReadsBothDialectsInVersionOrder()
    {
        var source = EmbeddedMigrations.FromAssembly(typeof(EmbeddedMigrationsTests).Assembly, "sample");

        Assert.Equal("sample", source.Component);
        Assert.Equal([(1, "sample"), (2, "second")], source.Migrations.Select(m => (m.Version, m.Name)));
        Assert.Contains("INTEGER PRIMARY KEY", source.Migrations[0].SqlFor(StoreProvider.Sqlite), StringComparison.Ordinal);
        Assert.Contains("BIGINT PRIMARY KEY", source.Migrations[0].SqlFor(StoreProvider.PostgreSql), StringComparison.Ordinal);
    }
}
