using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Demo;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Locator.Tests.LocatorWorld;

namespace GmConnect.Locator.Tests.Demo;

public sealed class LocatorDemoSeederTests : IAsyncLifetime
{
    private LocatorWorld _world = null!;
    private DirectoryInfo _directory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StartAsync(StoreProvider.Sqlite);
        _directory = Directory.CreateTempSubdirectory("gmc-locator-demo-");
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "records-socialcare.csv"),
            "source,record_id,nhs_number,address\r\n" +
            "la:352:socialcare,SC1,943 476 5919,\"1 High St, Manchester\"\r\n" +
            "la:352:socialcare,SC2,,\r\n" +
            "la:350:socialcare,SC3,4010232137,\r\n", Ct);
        _world.Identity.AddPerson("p1", (IdentifierSystems.ForSource("la:352:socialcare"), "SC1"), (Nhs, "9434765919"));
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_DemoFiles_PublishesForCustodiansWithADemoPractitionerOnce()
    {
        var seeder = _world.Services.GetRequiredService<LocatorDemoSeeder>();

        var first = await seeder.SeedIfEmptyAsync(_directory.FullName, cancellationToken: Ct);
        var second = await seeder.SeedIfEmptyAsync(_directory.FullName, cancellationToken: Ct);
        var byNhs = await _world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, "9434765919") }, Ct);
        var involvements = await _world.Involvements.ListAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new(Nhs, "9434765919"), Ct);

        Assert.Equal(2, first); // la:350 has no demo practitioner
        Assert.Equal(0, second);
        Assert.Equal("dfe:352", Assert.Single(byNhs.Items).Item.CustodianId);
        Assert.Single(involvements.Items); // SC2's person is unknown to the Identity Manager: no involvement
    }

    [Fact]
    public async Task SeedIfEmptyAsync_ContentPublisherRegistered_PointsAtWhatItPublishedAndFallsBackWhenItCannot()
    {
        var content = new RecordingContentPublisher();
        await using var world = await StartAsync(StoreProvider.Sqlite, s => s.AddSingleton<IDemoContentPublisher>(content));
        world.Identity.AddPerson("p1", (IdentifierSystems.ForSource("la:352:socialcare"), "SC1"), (Nhs, "9434765919"));

        await world.Services.GetRequiredService<LocatorDemoSeeder>().SeedIfEmptyAsync(_directory.FullName, cancellationToken: Ct);
        var found = await world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, "9434765919") }, Ct);

        Assert.Equal(2, content.Calls.Count);
        Assert.All(content.Calls, c => Assert.Equal("dfe:352", c.Custodian));
        var pointer = Assert.Single(found.Items).Item;
        Assert.Equal("Binary/" + pointer.Type, Assert.Single(pointer.Content).Url); // SC1's person is known: content published
        Assert.Equal("text/plain", pointer.Content[0].ContentType);
    }

    /// <summary>Publishes for people whose NHS number is given (as the host's would for people it can resolve).</summary>
    private sealed class RecordingContentPublisher : IDemoContentPublisher
    {
        public List<(string Custodian, string Type)> Calls { get; } = [];

        public Task<PointerAttachment?> PublishAsync(Governance.Administration.Actor custodian, string recordType, IReadOnlyList<SubjectIdentifier> subjects, CancellationToken cancellationToken)
        {
            Calls.Add((custodian.OrganisationId, recordType));
            return Task.FromResult(subjects.Any(s => s.System == Nhs) ? new PointerAttachment("Binary/" + recordType, "text/plain") : null);
        }
    }
}
