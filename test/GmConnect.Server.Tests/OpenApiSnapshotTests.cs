using System.Text.Json;
using GmConnect.Storage;

namespace GmConnect.Server.Tests;

/// <summary>
/// The OpenAPI document is a contract others build on: the committed docs/openapi.json must match
/// what the host serves. After an intended change run the tests with GMC_UPDATE_SNAPSHOTS=1 and
/// commit the new file.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task OpenApiDocument_Served_MatchesCommittedSnapshot()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);
        var served = await exchange.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var normalised = JsonSerializer.Serialize(JsonDocument.Parse(served), Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("GMC_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, normalised, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests with GMC_UPDATE_SNAPSHOTS=1 and commit it.");
        Assert.Equal((await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"), normalised);
    }

    [Fact]
    public async Task ApiReferencePage_Served()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

        var page = await exchange.CreateClient().GetStringAsync("/api", TestContext.Current.CancellationToken);

        Assert.Contains("GM Connect API", page, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GmConnect.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (GmConnect.slnx) was not found above the test binaries.");
    }
}
