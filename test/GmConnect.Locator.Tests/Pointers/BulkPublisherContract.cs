using System.Collections.Concurrent;
using System.Data.Common;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator.Pointers;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GmConnect.Locator.Tests.LocatorWorld;

namespace GmConnect.Locator.Tests.Pointers;

/// <summary>The bulk producer path against SQLite.</summary>
public sealed class SqliteBulkPublisherTests() : BulkPublisherContract(StoreProvider.Sqlite);

/// <summary>The bulk producer path against PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresBulkPublisherTests() : BulkPublisherContract(StoreProvider.PostgreSql);

/// <summary>
/// <see cref="BulkPointerPublisher.UpsertManyAsync"/> against <see cref="PointerPublisher.UpsertAsync"/> one by one:
/// two worlds given the same drafts must end with the same outcomes, pointers, observer events and searches.
/// </summary>
public abstract class BulkPublisherContract(StoreProvider provider) : IAsyncLifetime
{
    private const string Child = "9434765919";
    private const string Other = "4010232137";
    private const string Unknown = "9999999999";

    private LocatorWorld _bulk = null!;
    private LocatorWorld _single = null!;
    private readonly RecordingObserver _bulkSeen = new();
    private readonly RecordingObserver _singleSeen = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bulk = await StartAsync(provider, s => s.AddSingleton<IPointerObserver>(_bulkSeen));
        _single = await StartAsync(provider, s => s.AddSingleton<IPointerObserver>(_singleSeen));
        foreach (var world in new[] { _bulk, _single })
        {
            world.Identity.AddPerson("p-child", (Nhs, Child));
            world.Identity.AddPerson("p-other", (Nhs, Other));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bulk.DisposeAsync();
        await _single.DisposeAsync();
    }

    /// <summary>A chunk with every kind of row an import meets: new, changed, repeated, refused for each reason.</summary>
    private static List<PointerDraft> MixedChunk(string? replaces) =>
    [
        Draft("child-protection-plan", Child, "urn:la|cpp-1"),
        Draft("child-in-need-plan", Other, "urn:la|cin-1"),
        Draft("looked-after-status", Unknown, "urn:la|lac-1"),                                     // a subject the index does not know
        Draft("police-incident", Child, "urn:la|pi-1"),                                           // a type the LA may not publish
        Draft("no-such-type", Child, "urn:la|x-1"),                                               // invalid
        Draft("child-protection-plan", Child, "urn:la|cpp-2") with { CustodianId = "dfe:355" },   // not the custodian
        Draft("child-protection-plan", Child, null),                                              // no master identifier
        Draft("child-protection-plan", Child, "urn:la|existing") with { Description = "changed" }, // updates an existing pointer
        Draft("child-protection-plan", Child, "urn:la|superseded"),                               // a superseded pointer: conflict
        Draft("child-protection-plan", Other, "urn:la|cpp-1") with { Description = "second" },    // the same key again: an update
        Draft("child-protection-plan", Child, "urn:la|cpp-3") with { Replaces = replaces },       // supersedes: kept one by one
        Draft("early-help-assessment", Other, "urn:la|eha-1"),
    ];

    /// <summary>What both worlds hold before the chunk: a pointer to update, one superseded, one to be replaced.</summary>
    private static async Task<string> SeedAsync(LocatorWorld world)
    {
        await world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child, "urn:la|existing"), Ct);
        var old = await world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child, "urn:la|superseded"), Ct);
        await world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child, "urn:la|newer") with { Replaces = old.RecordPointer!.Id }, Ct);
        var target = await world.Publisher.CreateAsync(ManchesterSocialWorker, Draft("child-protection-plan", Child, "urn:la|to-replace"), Ct);
        return target.RecordPointer!.Id;
    }

    [Fact]
    public async Task UpsertManyAsync_MixedChunk_SameOutcomesPointersEventsAndSearchesAsOneByOne()
    {
        var bulkReplaces = await SeedAsync(_bulk);
        var singleReplaces = await SeedAsync(_single);
        _bulkSeen.Clear();
        _singleSeen.Clear();

        var bulk = await _bulk.Services.GetRequiredService<BulkPointerPublisher>().UpsertManyAsync(ManchesterSocialWorker, MixedChunk(bulkReplaces), Ct);
        var single = new List<PointerOutcome>();
        foreach (var draft in MixedChunk(singleReplaces))
        {
            single.Add(await _single.Publisher.UpsertAsync(ManchesterSocialWorker, draft, Ct));
        }

        Assert.Equal(single.Select(Shape), bulk.Select(Shape));
        Assert.Contains(bulk, o => o.Refusal == PointerRefusal.TypeNotPublishable);
        Assert.Contains(bulk, o => o.Refusal == PointerRefusal.NotCustodian);
        Assert.Contains(bulk, o => o.Refusal == PointerRefusal.Conflict);
        Assert.Equal(_singleSeen.Events.Select(e => (e.Type, e.Master, e.PersonId)).Order(), _bulkSeen.Events.Select(e => (e.Type, e.Master, e.PersonId)).Order());
        Assert.Equal(await SearchAsync(_single, Child), await SearchAsync(_bulk, Child));
        Assert.Equal(await SearchAsync(_single, Other), await SearchAsync(_bulk, Other));
        Assert.Equal(await SearchAsync(_single, Unknown), await SearchAsync(_bulk, Unknown));
    }

    [Fact]
    public async Task UpsertManyAsync_SameChunkTwice_UpdatesTheSamePointersAndTellsObserversOnce()
    {
        var publisher = _bulk.Services.GetRequiredService<BulkPointerPublisher>();
        List<PointerDraft> chunk = [Draft("child-protection-plan", Child, "urn:la|a"), Draft("child-in-need-plan", Other, "urn:la|b")];

        var first = await publisher.UpsertManyAsync(ManchesterSocialWorker, chunk, Ct);
        var again = await publisher.UpsertManyAsync(ManchesterSocialWorker, chunk, Ct);

        Assert.All(first, o => Assert.True(o.Created));
        Assert.All(again, o => Assert.True(o.Succeeded && !o.Created));
        Assert.Equal(first.Select(o => o.RecordPointer!.Id), again.Select(o => o.RecordPointer!.Id));
        Assert.All(again, o => Assert.Equal(2, o.RecordPointer!.Version));
        Assert.Equal(2, _bulkSeen.Events.Count);
    }

    [Fact]
    public async Task UpsertManyAsync_Chunk_OneAuditEntryNamesEveryPointerAndPersonAndOneCountsTheRefusals()
    {
        var outcomes = await _bulk.Services.GetRequiredService<BulkPointerPublisher>().UpsertManyAsync(ManchesterSocialWorker,
            [Draft("child-protection-plan", Child, "urn:la|a"), Draft("child-in-need-plan", Other, "urn:la|b"), Draft("police-incident", Child, "urn:la|c")], Ct);

        var entries = await _bulk.Audit.SearchAsync(new AuditQuery(OrganisationId: "dfe:352"), Ct);
        var written = Assert.Single(entries, e => e.Record.Outcome == "success");
        var refused = Assert.Single(entries, e => e.Record.Outcome == "failure");
        Assert.Equal("locator:pointer-upsert-bulk;count=2;created=2;updated=0", written.Record.Detail);
        Assert.Equal(outcomes.Take(2).Select(o => o.RecordPointer!.Id), written.Record.Resources.Select(r => r.ResourceId));
        Assert.Equal(["p-child", "p-other"], written.Record.PersonIds.Order());
        Assert.Equal("locator:pointer-upsert-bulk;refused=1;TypeNotPublishable=1", refused.Record.Detail);
        var forChild = await _bulk.Audit.SearchAsync(new AuditQuery(PersonId: "p-child"), Ct);
        Assert.Contains(forChild, e => e.Sequence == written.Sequence);
        Assert.True((await _bulk.Audit.VerifyAsync(cancellationToken: Ct)).IsIntact);
    }

    [Fact]
    public async Task UpsertManyAsync_UnregisteredActor_EveryDraftRefusedNotRegisteredAndNothingWritten()
    {
        var outcomes = await _bulk.Services.GetRequiredService<BulkPointerPublisher>().UpsertManyAsync(ManchesterSocialWorker with { OrganisationId = "dfe:355" },
            [Draft("child-protection-plan", Child, "urn:la|a"), Draft("child-in-need-plan", Other, "urn:la|b")], Ct);

        Assert.All(outcomes, o => Assert.Equal(PointerRefusal.NotRegistered, o.Refusal));
        Assert.Empty(_bulkSeen.Events);
        Assert.Equal(" | total 0, withheld 0", await SearchAsync(_bulk, Child));
    }

    /// <summary>An outcome without what differs by nature between two worlds (ids, instants).</summary>
    private static string Shape(PointerOutcome o) => o.RecordPointer is { } p
        ? $"{o.Refusal} {o.Created} {p.Type} {p.Category} {p.CustodianId} {p.MasterIdentifier} {string.Join(',', p.Subjects.Select(s => s.Key))} {p.Status} v{p.Version} {p.Description} {p.Sensitivity} replaces:{p.Replaces is not null}"
        : $"{o.Refusal} {string.Join("; ", o.Problems)}";

    private static async Task<string> SearchAsync(LocatorWorld world, string nhs)
    {
        var found = await world.Finder.SearchAsync(Request(PoliceOfficer, Purpose.Safeguarding), new PointerQuery { Subject = new SubjectIdentifier(Nhs, nhs) }, Ct);
        return string.Join(" | ", found.Items.Select(i => $"{i.Item.Type} {i.Item.MasterIdentifier} v{i.Item.Version} {i.Item.Description}").Order())
            + $" | total {found.Total}, withheld {found.WithheldCount}";
    }

    /// <summary>An observer with the default chunk method: told of each created pointer, as one by one.</summary>
    private sealed class RecordingObserver : IPointerObserver
    {
        public ConcurrentQueue<(string Type, string? Master, string PersonId)> Queue { get; private set; } = new();

        public List<(string Type, string? Master, string PersonId)> Events => [.. Queue];

        public void Clear() => Queue = new();

        public Task PointerCreatedAsync(RecordPointer created, string personId, DbTransaction transaction, CancellationToken cancellationToken)
        {
            Queue.Enqueue((created.Type, created.MasterIdentifier, personId));
            return Task.CompletedTask;
        }
    }
}
