using GmConnect.Governance.Decisions;
using GmConnect.Locator.Involvements;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task CatchUpAsync_MergeThenUnmerge_DirectCareFollowsTheInvolvementToThePersonItsIdentifierBelongsTo()
    {
        // The trust knows the child by a second NHS number record (another person until the steward merges them);
        // the local authority's pointer is under the first.
        const string Second = "4010232137";
        _world.Identity.AddPerson("p-second", (Nhs, Second));
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);
        await _world.Involvements.RegisterAsync(MftClinician, new InvolvementDraft { Subject = new(Nhs, Second), Team = "ED", Start = new(2026, 10, 1) }, Ct);
        var follower = _world.Services.GetRequiredService<InvolvementFollower>();
        var query = new PointerQuery { Subject = new(Nhs, Child) };
        var directCare = Request(MftClinician, Purpose.DirectCare);
        var steward = new Identity.Manager.StewardAction("steward-1", "same child");

        var before = await _world.Finder.SearchAsync(directCare, query, Ct);
        var merge = await _world.Identity.MergeAsync("p-child", "p-second", steward, Ct);
        var movedByMerge = await follower.CatchUpAsync(Ct);
        var merged = await _world.Finder.SearchAsync(directCare, query, Ct);
        var again = await follower.CatchUpAsync(Ct);
        await _world.Identity.UnmergeAsync(merge.Sequence, steward, Ct);
        var movedByUnmerge = await follower.CatchUpAsync(Ct);
        var unmerged = await _world.Finder.SearchAsync(directCare, query, Ct);

        Assert.Equal((0, 1), (before.Total, before.Withheld[ReasonCategory.Relationship]));
        // The background follower may move an involvement before this test's own catch-up does, so what is checked is
        // where the involvement ends up (the search), and that nothing is left to move afterwards — not which caller moved it.
        Assert.InRange(movedByMerge, 0, 1);
        Assert.InRange(movedByUnmerge, 0, 1);
        Assert.Equal((1, 0), (merged.Total, again));
        Assert.Equal((0, 1), (unmerged.Total, unmerged.Withheld[ReasonCategory.Relationship]));
        Assert.Equal(["p-second|ods:R0A"], await GovernanceInvolvementsAsync());
        var moves = (await _world.Audit.SearchAsync(new Governance.Audit.AuditQuery(PersonId: "p-second"), Ct))
            .Where(e => e.Record.Detail?.StartsWith("involvement-moved:ods:R0A", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, moves.Count);
    }

    private async Task<List<string>> GovernanceInvolvementsAsync()
    {
        await using var connection = await _world.Services.GetRequiredService<Store>().OpenConnectionAsync(Ct);
        await using var command = connection.Command("SELECT person_id, organisation_id FROM gov_involvement ORDER BY person_id, organisation_id");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0) + "|" + reader.GetString(1));
        }

        return rows;
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
