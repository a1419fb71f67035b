using System.Net;
using GmConnect.Server.Fhir.Infrastructure;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>
/// The CapabilityStatement is a contract others build on: the committed docs/fhir/capability-statement.json must
/// match what /fhir/metadata serves. After an intended change run the tests with GMC_UPDATE_SNAPSHOTS=1 and commit.
/// </summary>
public sealed class CapabilityStatementTests
{
    [Fact]
    public async Task GetMetadata_WithoutToken_ServesTheCommittedCapabilityStatement()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

        var statement = await FhirHttp.ReadAsync<CapabilityStatement>(await exchange.CreateClient().GetAsync("/fhir/metadata", TestContext.Current.CancellationToken));

        var served = FhirJson.Serialize(statement, pretty: true).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(OpenApiSnapshotTests.RepositoryRoot(), "docs", "fhir", "capability-statement.json");
        if (Environment.GetEnvironmentVariable("GMC_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), "docs/fhir/capability-statement.json is missing: run the tests with GMC_UPDATE_SNAPSHOTS=1 and commit it.");
        Assert.Equal((await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"), served);
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
    }

    [Fact]
    public async Task GetMetadata_Served_AsFhirJsonWithNoStore()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite);

        var response = await exchange.CreateClient().GetAsync("/fhir/metadata", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }
}
