using GmConnect.Governance.Decisions;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using static GmConnect.Locator.Tests.LocatorWorld;

namespace GmConnect.Locator.Tests.Involvements;

/// <summary>Involvements on SQLite.</summary>
public sealed class SqliteInvolvementTests() : InvolvementContract(StoreProvider.Sqlite);

/// <summary>Involvements on PostgreSQL.</summary>
public sealed class PostgresInvolvementTests() : InvolvementContract(StoreProvider.PostgreSql);

/// <summary>Registering and ending involvements, and their effect on Governance's legitimate-relationship rule.</summary>
public abstract class InvolvementContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Child = "9434765919";
    private LocatorWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StartAsync(provider);
        _world.Identity.AddPerson("p-child", (Nhs, Child));
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_ClinicianOrganisation_GrantsDirectCareUntilEnded()
    {
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);
        var query = new PointerQuery { Subject = new(Nhs, Child) };
        var directCare = Request(MftClinician, Purpose.DirectCare);

        var before = await _world.Finder.SearchAsync(directCare, query, Ct);
        var registered = await _world.Involvements.RegisterAsync(MftClinician,
            new InvolvementDraft { Subject = new(Nhs, Child), Team = "Paediatrics", LeadContact = "paeds@r0a.example", Start = new(2026, 10, 1) }, Ct);
        var during = await _world.Finder.SearchAsync(directCare, query, Ct);
        var ended = await _world.Involvements.EndAsync(MftClinician, registered.Involvement!.Id, new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 30), Ct);
        var after = await _world.Finder.SearchAsync(directCare, query, Ct);

        Assert.Equal(1, before.Withheld[ReasonCategory.Relationship]);
        Assert.True(registered.Succeeded, string.Join("; ", registered.Problems));
        Assert.Equal(1, during.Total);
        Assert.True(ended.Succeeded);
        Assert.Equal(new DateOnly(2026, 10, 30), ended.Involvement!.LastContact);
        Assert.Equal(0, after.Total);
    }

    [Fact]
    public async Task ListAsync_OwnAndOtherOrganisations_ListsOwnCountsOthersAsWithheld()
    {
        await _world.Involvements.RegisterAsync(MftClinician, new InvolvementDraft { Subject = new(Nhs, Child), Team = "Paediatrics", Start = new(2026, 10, 1) }, Ct);
        await _world.Involvements.RegisterAsync(ManchesterSocialWorker, new InvolvementDraft { Subject = new(Nhs, Child), Team = "North", Start = new(2026, 9, 1) }, Ct);

        var listed = await _world.Involvements.ListAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new(Nhs, Child), Ct);

        Assert.Equal("dfe:352", Assert.Single(listed.Items).Item.OrganisationId);
        Assert.Equal(1, listed.WithheldCount);
    }

    [Fact]
    public async Task EndAsync_AnotherOrganisationsInvolvement_NotFound()
    {
        var theirs = await _world.Involvements.RegisterAsync(MftClinician, new InvolvementDraft { Subject = new(Nhs, Child), Start = new(2026, 10, 1) }, Ct);

        var outcome = await _world.Involvements.EndAsync(ManchesterSocialWorker, theirs.Involvement!.Id, new DateOnly(2026, 11, 1), cancellationToken: Ct);

        Assert.Equal(PointerRefusal.NotFound, outcome.Refusal);
    }

    [Fact]
    public async Task RegisterAsync_SubjectUnknownToIdentity_Refused()
    {
        var outcome = await _world.Involvements.RegisterAsync(MftClinician, new InvolvementDraft { Subject = new(Nhs, "1111111111"), Start = new(2026, 10, 1) }, Ct);

        Assert.Equal(PointerRefusal.Invalid, outcome.Refusal);
    }
}
