using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Locator.Tests.LocatorWorld;

namespace GmConnect.Locator.Tests.Pointers;

/// <summary>The Locator against SQLite.</summary>
public sealed class SqliteLocatorTests() : LocatorContract(StoreProvider.Sqlite);

/// <summary>The Locator against PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresLocatorTests() : LocatorContract(StoreProvider.PostgreSql);

/// <summary>
/// One suite for every store: what producers may and may not do with pointers, and what consumers find, through
/// the public services with the demo governance configuration.
/// </summary>
public abstract class LocatorContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Child = "9434765919";
    private const string Upn = "A123456789012";

    private LocatorWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StartAsync(provider);
        _world.Identity.AddPerson("p-child", (Nhs, Child), (IdentifierSystems.Upn, Upn));
        _world.Identity.AddPerson("p-other", (Nhs, "4010232137"));
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task CreateAsync_OwnPublishableType_IsFoundBySearchUnderAnotherIdentifier()
    {
        var created = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);

        var found = await _world.Finder.SearchAsync(Request(PoliceOfficer, Purpose.Safeguarding),
            new PointerQuery { Subject = new SubjectIdentifier(IdentifierSystems.Upn, Upn) }, Ct);

        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        Assert.True(created.Created);
        Assert.Equal("dfe:352", created.RecordPointer!.CustodianId);
        Assert.Equal("social-care", created.RecordPointer.Category);
        Assert.StartsWith("dfe-352-", created.RecordPointer.Id, StringComparison.Ordinal);
        var item = Assert.Single(found.Items);
        Assert.Equal(created.RecordPointer.Id, item.Item.Id);
        Assert.Equal(1, found.Total);
        Assert.Equal(0, found.WithheldCount);
    }

    [Fact]
    public async Task CreateAsync_CustodianIsAnotherOrganisation_RefusedNotCustodian()
    {
        var outcome = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child) with { CustodianId = "dfe:355" }, Ct);

        Assert.Equal(PointerRefusal.NotCustodian, outcome.Refusal);
    }

    [Fact]
    public async Task CreateAsync_TypeThePoliceMayNotPublish_RefusedTypeNotPublishable()
    {
        var outcome = await _world.Publisher.CreateAsync(PoliceOfficer, Draft("child-protection-plan", Child), Ct);

        Assert.Equal(PointerRefusal.TypeNotPublishable, outcome.Refusal);
    }

    [Fact]
    public async Task CreateAsync_UnregisteredActor_RefusedNotRegistered()
    {
        var outcome = await _world.Publisher.CreateAsync(ManchesterSocialWorker with { OrganisationId = "dfe:355" }, Draft("child-protection-plan", Child), Ct);

        Assert.Equal(PointerRefusal.NotRegistered, outcome.Refusal);
    }

    [Fact]
    public async Task CreateAsync_MalformedDraft_ReportsEveryProblemByField()
    {
        var draft = new PointerDraft
        {
            Type = "child-protection-plan",
            Category = "health",
            PeriodStart = new DateOnly(2026, 5, 1),
            PeriodEnd = new DateOnly(2026, 4, 1),
            Content = [new PointerAttachment("https://x.example/a", "application/pdf", Hash: "not-a-sha256")],
        };

        var outcome = await _world.Publisher.CreateAsync(ManchesterSocialWorker, draft, Ct);

        Assert.Equal(PointerRefusal.Invalid, outcome.Refusal);
        Assert.Contains(outcome.Problems, p => p.StartsWith("category:", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.StartsWith("subject:", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.StartsWith("context.period:", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.StartsWith("content[0].attachment.hash:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpsertAsync_SameMasterIdentifierTwice_UpdatesOnePointer()
    {
        var first = await _world.Publisher.UpsertAsync(ManchesterSocialWorker, Draft("child-in-need-plan", Child, "urn:la352|cin-1"), Ct);
        var second = await _world.Publisher.UpsertAsync(ManchesterSocialWorker, Draft("child-in-need-plan", Child, "urn:la352|cin-1") with { Description = "reviewed" }, Ct);
        var duplicate = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-in-need-plan", Child, "urn:la352|cin-1"), Ct);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.RecordPointer!.Id, second.RecordPointer!.Id);
        Assert.Equal(2, second.RecordPointer.Version);
        Assert.Equal(PointerRefusal.Conflict, duplicate.Refusal);
    }

    [Fact]
    public async Task CreateAsync_ReplacesOwnPointer_SupersedesItAndSearchListsOnlyTheNewOne()
    {
        var old = (await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;
        var replacement = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child) with { Replaces = old.Id }, Ct);
        var again = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child) with { Replaces = old.Id }, Ct);

        var found = await _world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, Child) }, Ct);
        var oldNow = await _world.Finder.ReadAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), old.Id, Ct);

        Assert.True(replacement.Succeeded);
        Assert.Equal(old.Id, replacement.RecordPointer!.Replaces);
        Assert.Equal(PointerRefusal.Conflict, again.Refusal);
        Assert.Equal(replacement.RecordPointer.Id, Assert.Single(found.Items).Item.Id);
        Assert.Equal(PointerStatus.Superseded, oldNow!.Item.Status);
    }

    [Fact]
    public async Task CreateAsync_ReplacesAnotherOrganisationsPointer_Refused()
    {
        var theirs = (await _world.Publisher.CreateAsync(SalfordSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;

        var outcome = await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child) with { Replaces = theirs.Id }, Ct);

        Assert.Equal(PointerRefusal.Invalid, outcome.Refusal);
    }

    [Fact]
    public async Task MarkEnteredInErrorAsync_OwnPointer_DropsOutOfSearch()
    {
        var pointer = (await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;

        var marked = await _world.Publisher.MarkEnteredInErrorAsync(ManchesterSocialWorker, pointer.Id, Ct);
        var found = await _world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, Child) }, Ct);

        Assert.Equal(PointerStatus.EnteredInError, marked.RecordPointer!.Status);
        Assert.Empty(found.Items);
    }

    [Fact]
    public async Task ProducerOperations_AnotherOrganisationsPointer_AnsweredAsNotFound()
    {
        var theirs = (await _world.Publisher.CreateAsync(SalfordSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;

        var update = await _world.Publisher.UpdateAsync(ManchesterSocialWorker, theirs.Id, Draft("child-protection-plan", Child), cancellationToken: Ct);
        var error = await _world.Publisher.MarkEnteredInErrorAsync(ManchesterSocialWorker, theirs.Id, Ct);
        var delete = await _world.Publisher.DeleteAsync(ManchesterSocialWorker, theirs.Id, Ct);
        var missing = await _world.Publisher.DeleteAsync(ManchesterSocialWorker, "dfe-355-00000000000000000000000000000000", Ct);
        var stillThere = await _world.Finder.ReadAsync(Request(SalfordSocialWorker, Purpose.Safeguarding), theirs.Id, Ct);

        Assert.All([update, error, delete, missing], o => Assert.Equal(PointerRefusal.NotFound, o.Refusal));
        Assert.Equal(missing.Problems, delete.Problems);
        Assert.NotNull(stillThere);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_Conflict()
    {
        var pointer = (await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;
        await _world.Publisher.UpdateAsync(ManchesterSocialWorker, pointer.Id, Draft("child-protection-plan", Child) with { Description = "v2" }, 1, Ct);

        var stale = await _world.Publisher.UpdateAsync(ManchesterSocialWorker, pointer.Id, Draft("child-protection-plan", Child) with { Description = "v2b" }, 1, Ct);

        Assert.Equal(PointerRefusal.Conflict, stale.Refusal);
    }

    [Fact]
    public async Task DeleteAsync_OwnPointer_Gone()
    {
        var pointer = (await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;

        var deleted = await _world.Publisher.DeleteAsync(ManchesterSocialWorker, pointer.Id, Ct);

        Assert.True(deleted.Succeeded);
        Assert.Null(await _world.Finder.ReadAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), pointer.Id, Ct));
    }

    [Fact]
    public async Task DeleteAsync_OwnPointer_LeavesNoSubjectRows()
    {
        // No foreign key cascades the subjects on PostgreSQL (migration 0003, docs/adr/0017): the store removes them.
        var pointer = (await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct)).RecordPointer!;
        var before = await SubjectRowsAsync(pointer.Id);

        await _world.Publisher.DeleteAsync(ManchesterSocialWorker, pointer.Id, Ct);

        Assert.Equal(1, before);
        Assert.Equal(0, await SubjectRowsAsync(pointer.Id));
    }

    private async Task<long> SubjectRowsAsync(string pointerId)
    {
        await using var connection = await _world.Services.GetRequiredService<Store>().OpenConnectionAsync(Ct);
        return Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM loc_pointer_subject WHERE pointer_id = @id").With("id", pointerId)
            .ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task SearchAsync_IdentityMergeAndUnmerge_PointersFollowWithoutMoving()
    {
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-in-need-plan", "4010232137"), Ct);
        var request = Request(ManchesterSocialWorker, Purpose.Safeguarding);

        var before = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = new(Nhs, Child) }, Ct);
        var merge = await _world.Identity.MergeAsync("p-child", "p-other", new StewardAction("steward", "same child"), Ct);
        var merged = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = new(Nhs, Child) }, Ct);
        await _world.Identity.UnmergeAsync(merge.Sequence, new StewardAction("steward", "not the same child"), Ct);
        var unmerged = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = new(Nhs, Child) }, Ct);

        Assert.Equal(1, before.Total);
        Assert.Equal(2, merged.Total);
        Assert.Equal(1, unmerged.Total);
    }

    [Fact]
    public async Task SearchAsync_SomeWithheld_CountsThemByCategoryAndPagesOnlyThePermitted()
    {
        for (var i = 0; i < 3; i++)
        {
            await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);
        }

        // No demo agreement names youth justice orders: withheld from everyone but the custodian.
        await _world.Publisher.CreateAsync(SalfordSocialWorker, Draft("youth-justice-order", Child), Ct);
        await _world.Publisher.CreateAsync(SalfordSocialWorker, Draft("youth-justice-order", Child), Ct);

        var page = await _world.Finder.SearchAsync(Request(PoliceOfficer, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, Child), Count = 2 }, Ct);
        var next = await _world.Finder.SearchAsync(Request(PoliceOfficer, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, Child), Offset = 2, Count = 2 }, Ct);

        Assert.Equal(2, page.Items.Count);
        Assert.Single(next.Items);
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Withheld[ReasonCategory.Agreement]);
        Assert.DoesNotContain(page.Items.Concat(next.Items), i => i.Item.Type == "youth-justice-order");
    }

    [Fact]
    public async Task SearchAsync_Filters_NarrowByTypeCustodianCategoryAndPeriod()
    {
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child) with { PeriodStart = new(2025, 1, 1), PeriodEnd = new(2025, 6, 30) }, Ct);
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-in-need-plan", Child), Ct);
        await _world.Publisher.CreateAsync(PoliceOfficer, Draft("police-incident", Child), Ct);
        var request = Request(ManchesterSocialWorker, Purpose.Safeguarding);
        var subject = new SubjectIdentifier(Nhs, Child);

        var byType = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = subject, Types = ["child-in-need-plan"] }, Ct);
        var byCustodian = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = subject, Custodians = ["police:06"] }, Ct);
        var byCategory = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = subject, Categories = ["social-care"] }, Ct);
        var byPeriod = await _world.Finder.SearchAsync(request, new PointerQuery { Subject = subject, PeriodFrom = new(2026, 1, 1) }, Ct);

        Assert.Equal("child-in-need-plan", Assert.Single(byType.Items).Item.Type);
        Assert.Equal("police-incident", Assert.Single(byCustodian.Items).Item.Type);
        Assert.Equal(2, byCategory.Total);
        Assert.Equal(2, byPeriod.Total);
        Assert.DoesNotContain(byPeriod.Items, i => i.Item.Type == "child-protection-plan");
    }

    [Fact]
    public async Task SearchAsync_Always_AuditedAgainstThePerson()
    {
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child), Ct);

        await _world.Finder.SearchAsync(Request(PoliceOfficer, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, Child) }, Ct);

        var entries = await _world.Audit.SearchAsync(new AuditQuery(PersonId: "p-child", PractitionerId: "demo-officer-06"), Ct);
        var search = Assert.Single(entries, e => e.Record.EventType == AuditEventType.Search);
        Assert.Equal("permit", Assert.Single(search.Record.Resources).Outcome);
    }

    [Fact]
    public async Task SearchAsync_UnknownIdentifier_FindsOnlyPointersPublishedUnderIt()
    {
        await _world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", "1111111111"), Ct);

        var found = await _world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, "1111111111") }, Ct);
        var none = await _world.Finder.SearchAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), new PointerQuery { Subject = new(Nhs, "2222222222") }, Ct);

        Assert.Equal(1, found.Total);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task ReadAsync_DeniedByGovernance_AnsweredLikeAMissingPointer()
    {
        var pointer = (await _world.Publisher.CreateAsync(SalfordSocialWorker, Draft("youth-justice-order", Child), Ct)).RecordPointer!;

        var denied = await _world.Finder.ReadAsync(Request(ManchesterSocialWorker, Purpose.Safeguarding), pointer.Id, Ct);
        var own = await _world.Finder.ReadAsync(Request(SalfordSocialWorker, Purpose.Safeguarding), pointer.Id, Ct);
        var entries = await _world.Audit.SearchAsync(new AuditQuery(PractitionerId: "demo-sw-352"), Ct);

        Assert.Null(denied);
        Assert.NotNull(own);
        Assert.Contains(entries, e => e.Record.EventType == AuditEventType.Read && e.Record.Outcome == "deny");
    }
}
