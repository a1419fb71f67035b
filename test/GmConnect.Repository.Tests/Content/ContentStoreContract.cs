using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Audit;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Storage;

namespace GmConnect.Repository.Tests.Content;

/// <summary>The contract on SQLite.</summary>
public sealed class SqliteContentStoreTests() : ContentStoreContract(StoreProvider.Sqlite);

/// <summary>The contract on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresContentStoreTests() : ContentStoreContract(StoreProvider.PostgreSql);

/// <summary>
/// What the Repository keeps on every store: immutable versions with their hashes, no version for the same bytes,
/// integrity checked on read, legal holds, and retention deletions that are audited.
/// </summary>
public abstract class ContentStoreContract(StoreProvider provider) : IAsyncLifetime
{
    private TestRepository _repo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Officer { get; } = new("demo-ig-352", "dfe:352", "ig-officer");

    public async ValueTask InitializeAsync() => _repo = await TestRepository.StartAsync(provider);

    public async ValueTask DisposeAsync() => await _repo.DisposeAsync();

    [Fact]
    public async Task Publish_NewContent_StoresVersionOneWithItsSha256AndSize()
    {
        var result = await _repo.Content.PublishAsync(TestRepository.Plan("plan v1"), Ct);

        var version = Assert.IsType<ContentVersion>(result.Version);
        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.Equal((1, Sha("plan v1"), 7L, "text/plain", TestRepository.Start, "demo-sw-352"),
            (version.Version, version.Sha256, version.Size, version.ContentType, version.CreatedAt, version.CreatedBy));
        var item = Assert.IsType<ContentItem>(await _repo.Content.GetAsync(version.ContentId, Ct));
        Assert.Equal(("dfe:352", "child-protection-plan", "person-1", RetentionClasses.DobPlus31Years, new DateOnly(2046, 6, 1), 1),
            (item.CustodianId, item.RecordType, item.PersonKey, item.RetentionClass, item.RetainUntil, item.LatestVersion));
    }

    [Fact]
    public async Task Publish_SameBytesAgain_StoresNoNewVersion()
    {
        var first = await _repo.Content.PublishAsync(TestRepository.Plan("same"), Ct);
        _repo.Time.Advance(TimeSpan.FromDays(1));

        var again = await _repo.Content.PublishAsync(TestRepository.Plan("same", id: first.Version!.ContentId), Ct);

        Assert.Equal(PublishOutcome.Unchanged, again.Outcome);
        Assert.Equal(first.Version, again.Version);
        Assert.Single(await _repo.Content.ListVersionsAsync(first.Version.ContentId, Ct));
    }

    [Fact]
    public async Task Publish_ChangedBytes_AddsTheNextVersionAndKeepsEarlierOnes()
    {
        var first = await _repo.Content.PublishAsync(TestRepository.Plan("one"), Ct);
        var id = first.Version!.ContentId;
        _repo.Time.Advance(TimeSpan.FromHours(2));

        var second = await _repo.Content.PublishAsync(TestRepository.Plan("two", id: id), Ct);

        Assert.Equal((PublishOutcome.Created, 2), (second.Outcome, second.Version!.Version));
        var versions = await _repo.Content.ListVersionsAsync(id, Ct);
        Assert.Equal([(1, Sha("one")), (2, Sha("two"))], versions.Select(v => (v.Version, v.Sha256)));
        Assert.Equal("one", Text((await _repo.Content.ReadVerifiedAsync(id, 1, Ct))!));
        Assert.Equal("two", Text((await _repo.Content.ReadVerifiedAsync(id, null, Ct))!));
    }

    [Fact]
    public async Task Publish_NewVersionByAnotherCustodian_IsRefused()
    {
        var first = await _repo.Content.PublishAsync(TestRepository.Plan("mine"), Ct);

        var other = await _repo.Content.PublishAsync(TestRepository.Plan("theirs", id: first.Version!.ContentId) with { CustodianId = "dfe:355" }, Ct);

        Assert.Equal(PublishOutcome.NotCustodian, other.Outcome);
        Assert.Single(await _repo.Content.ListVersionsAsync(first.Version.ContentId, Ct));
    }

    [Fact]
    public async Task Publish_NewVersion_IsAuditedWithItsHashButNotItsContent()
    {
        var result = await _repo.Content.PublishAsync(TestRepository.Plan("secret words"), Ct);

        var entry = Assert.Single(await _repo.Audit.SearchAsync(new AuditQuery(PersonId: "person-1"), Ct));
        Assert.Equal((AuditEventType.Created, "dfe:352"), (entry.Record.EventType, entry.Record.OrganisationId));
        Assert.Equal("Binary/" + result.Version!.ContentId, Assert.Single(entry.Record.Resources).ResourceId);
        Assert.Contains(Sha("secret words"), entry.Record.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", entry.Record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadVerified_TamperedBytes_IsAnIntegrityErrorAndNothingIsServed()
    {
        var result = await _repo.Content.PublishAsync(TestRepository.Plan("original"), Ct);
        await TamperAsync(result.Version!.ContentId, "forged!!");

        var error = await Assert.ThrowsAsync<ContentIntegrityException>(() => _repo.Content.ReadVerifiedAsync(result.Version.ContentId, null, Ct));

        Assert.Equal((result.Version.ContentId, 1), (error.ContentId, error.Version));
    }

    [Fact]
    public async Task Store_UpdateOfAStoredVersion_IsRefusedByTheDatabase()
    {
        var result = await _repo.Content.PublishAsync(TestRepository.Plan("fixed"), Ct);
        await using var connection = await _repo.TestStore.Store.OpenConnectionAsync(Ct);

        await Assert.ThrowsAnyAsync<DbException>(() => connection.Command("UPDATE repo_version SET bytes = @b WHERE content_id = @id")
            .With("b", Encoding.UTF8.GetBytes("changed")).With("id", result.Version!.ContentId).ExecuteNonQueryAsync(Ct));
    }

    [Fact]
    public async Task LegalHold_SetAndClear_AreRecordedAndAudited()
    {
        var id = (await _repo.Content.PublishAsync(TestRepository.Plan("held"), Ct)).Version!.ContentId;

        Assert.True(await _repo.Content.SetLegalHoldAsync(id, "inquiry order 2026/17", Officer, Ct));
        var held = await _repo.Content.GetAsync(id, Ct);
        Assert.True(await _repo.Content.ClearLegalHoldAsync(id, "order discharged", Officer, Ct));
        var cleared = await _repo.Content.GetAsync(id, Ct);

        Assert.Equal(new LegalHold("inquiry order 2026/17", "demo-ig-352", TestRepository.Start), held!.Hold);
        Assert.Null(cleared!.Hold);
        var changes = (await _repo.Audit.SearchAsync(new AuditQuery(PersonId: "person-1"), Ct))
            .Where(e => e.Record.EventType == AuditEventType.LegalHoldChanged).Select(e => e.Record.Resources[0].Outcome).ToList();
        Assert.Equal(["cleared", "set"], changes);
        Assert.False(await _repo.Content.SetLegalHoldAsync("no-such-content", "x", Officer, Ct));
    }

    [Fact]
    public async Task Sweep_ExpiredContent_IsDeletedAndEachDeletionAudited()
    {
        // Born 1 June 1990: an until-25th-birthday record last active in 2014 was kept through 1 June 2015.
        var expired = await PublishOldAsync("old", new DateOnly(1990, 6, 1), RetentionClasses.Until25thBirthday);
        var kept = (await _repo.Content.PublishAsync(TestRepository.Plan("current"), Ct)).Version!.ContentId;

        var result = await _repo.Sweeper.SweepAsync(cancellationToken: Ct);

        Assert.Equal((1, 1, 0), (result.Expired, result.Deleted, result.Held));
        Assert.Equal([expired], result.DeletedIds);
        Assert.Null(await _repo.Content.GetAsync(expired, Ct));
        Assert.Empty(await _repo.Content.ListVersionsAsync(expired, Ct));
        Assert.NotNull(await _repo.Content.GetAsync(kept, Ct));
        var deletion = Assert.Single(await _repo.Audit.SearchAsync(new AuditQuery(PersonId: "person-old"), Ct), e => e.Record.EventType == AuditEventType.Deleted);
        Assert.Equal("Binary/" + expired, deletion.Record.Resources[0].ResourceId);
    }

    [Fact]
    public async Task Sweep_ContentOnLegalHold_IsKept()
    {
        var expired = await PublishOldAsync("held", new DateOnly(1990, 6, 1), RetentionClasses.Until25thBirthday);
        await _repo.Content.SetLegalHoldAsync(expired, "inquiry order", Officer, Ct);

        var result = await _repo.Sweeper.SweepAsync(cancellationToken: Ct);

        Assert.Equal((1, 0, 1), (result.Expired, result.Deleted, result.Held));
        Assert.NotNull(await _repo.Content.ReadVerifiedAsync(expired, null, Ct));
    }

    [Fact]
    public async Task Sweep_DryRun_CountsButDeletesNothing()
    {
        var expired = await PublishOldAsync("old", new DateOnly(1990, 6, 1), RetentionClasses.Until25thBirthday);

        var result = await _repo.Sweeper.SweepAsync(dryRun: true, cancellationToken: Ct);

        Assert.Equal((true, 1, 1), (result.DryRun, result.Expired, result.Deleted));
        Assert.NotNull(await _repo.Content.GetAsync(expired, Ct));
        Assert.DoesNotContain(await _repo.Audit.SearchAsync(new AuditQuery(), Ct), e => e.Record.EventType == AuditEventType.Deleted);
    }

    [Fact]
    public async Task Sweep_PoliceReviewClass_IsNeverDeletedBySweep()
    {
        await PublishOldAsync("incident", new DateOnly(1960, 1, 1), RetentionClasses.PoliceReview);

        var result = await _repo.Sweeper.SweepAsync(cancellationToken: Ct);

        Assert.Equal((0, 0), (result.Expired, result.Deleted));
    }

    private async Task<string> PublishOldAsync(string text, DateOnly dateOfBirth, string retention)
    {
        var request = TestRepository.Plan(text, person: "person-old", dateOfBirth: dateOfBirth, retention: retention) with { LastActivity = new DateOnly(2014, 3, 1) };
        return (await _repo.Content.PublishAsync(request, Ct)).Version!.ContentId;
    }

    private async Task TamperAsync(string contentId, string bytes)
    {
        await using var connection = await _repo.TestStore.Store.OpenConnectionAsync(Ct);
        // Behind the store's back, as an attacker with database access would: lift the immutability trigger first.
        var drop = provider == StoreProvider.Sqlite ? "DROP TRIGGER repo_version_immutable" : "ALTER TABLE repo_version DISABLE TRIGGER repo_version_immutable";
        await connection.Command(drop).ExecuteNonQueryAsync(Ct);
        await connection.Command("UPDATE repo_version SET bytes = @b WHERE content_id = @id").With("b", Encoding.UTF8.GetBytes(bytes)).With("id", contentId).ExecuteNonQueryAsync(Ct);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Text(StoredContent content) => Encoding.UTF8.GetString(content.Bytes.Span);
}
