using GmConnect.Storage;
using GmConnect.Storage.Testing;
using GmConnect.Workbench.Discussion;
using GmConnect.Workbench.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Workbench.Tests.Discussion;

/// <summary>The contract on SQLite.</summary>
public sealed class SqliteDiscussionTests() : DiscussionContract(StoreProvider.Sqlite);

/// <summary>The contract on PostgreSQL (GMC_TEST_POSTGRES; skipped locally without it, failing in CI).</summary>
public sealed class PostgresDiscussionTests() : DiscussionContract(StoreProvider.PostgreSql);

/// <summary>
/// Threads, replies, resolve and reopen, mentions and notifications, on every store — and that a discussion never
/// reaches anyone the report is not shared with: they cannot read or post, and an <c>@mention</c> of them tells them nothing.
/// </summary>
public abstract class DiscussionContract(StoreProvider provider) : IAsyncLifetime
{
    // Ana wrote the report and shared it with Ben; Cat is in the registry but the report is not shared with her.
    private const string Report = "rabcdefghijkl";
    private const string Chart = "bchart00001";
    private static readonly DiscussionUser Ana = new("ana");
    private static readonly DiscussionUser Ben = new("ben");
    private static readonly DiscussionUser Cat = new("cat");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeReports _reports = new FakeReports()
        .Person("ana", "Ana Analyst").Person("ben", "Ben Briefed").Person("cat", "Cat Elsewhere")
        .Report(Report, "Placement stability in 2025", [Chart, "btext000001"], "ana", "ben");

    private TestStore _store = null!;
    private DiscussionService _discussion = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SubjectKey OnChart => SubjectKey.Block(Report, Chart);

    public async ValueTask InitializeAsync()
    {
        _store = await TestStore.CreateAsync(provider);
        await new MigrationRunner(_store.Store, [WorkbenchMigrations.Source], _time).MigrateAsync(Ct);
        _discussion = new DiscussionService(_store.Store, _reports, _reports, _time);
    }

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task StartThreadAsync_OnAChartOfASharedReport_ListedUnderThatChartForTheOtherReader()
    {
        var started = await _discussion.StartThreadAsync(OnChart, Ana, "Why does Bolton dip in 2023?", Ct);

        Assert.True(started.IsOk);
        var view = (await _discussion.ForReportAsync(Report, Ben, Ct)).Value!;
        var thread = Assert.Single(view.On(OnChart));
        Assert.Empty(view.On(SubjectKey.Report(Report)));
        Assert.Equal((started.Value!.Id, "ana", "Why does Bolton dip in 2023?", false), (thread.Id, thread.CreatedBy, Assert.Single(thread.Comments).Body, thread.IsResolved));
    }

    [Fact]
    public async Task StartThreadAsync_BlockNotInTheReport_NotFound()
    {
        var result = await _discussion.StartThreadAsync(SubjectKey.Block(Report, "bnothere000"), Ana, "Hello", Ct);

        Assert.Equal(DiscussionOutcome.NotFound, result.Outcome);
        Assert.Empty((await _discussion.ForReportAsync(Report, Ana, Ct)).Value!.Threads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task StartThreadAsync_NoText_InvalidWithAMessage(string text)
    {
        var result = await _discussion.StartThreadAsync(OnChart, Ana, text, Ct);

        Assert.Equal((DiscussionOutcome.Invalid, "Enter a comment"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task StartThreadAsync_TextTooLong_Invalid()
    {
        var result = await _discussion.StartThreadAsync(OnChart, Ana, new string('x', CommentText.MaxLength + 1), Ct);

        Assert.Equal(DiscussionOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task Everything_ByAReaderTheReportIsNotSharedWith_NotFoundAndNothingChanges()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "First", Ct)).Value!;

        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.ForReportAsync(Report, Cat, Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.ThreadAsync(thread.Id, Cat, Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.StartThreadAsync(OnChart, Cat, "Let me in", Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.ReplyAsync(thread.Id, Cat, "Let me in", Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.ResolveAsync(thread.Id, Cat, Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.EditAsync(thread.Comments[0].Id, Cat, "Changed", Ct)).Outcome);
        Assert.Equal(DiscussionOutcome.NotFound, (await _discussion.HistoryAsync(thread.Comments[0].Id, Cat, Ct)).Outcome);

        var after = Assert.Single((await _discussion.ForReportAsync(Report, Ana, Ct)).Value!.Threads);
        Assert.Equal((false, "First"), (after.IsResolved, Assert.Single(after.Comments).Body));
    }

    [Fact]
    public async Task StartThreadAsync_MentionsAReader_NotifiesThemOnceAndNotTheAuthor()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "@ben see this, @Ben. And me: @ana", Ct)).Value!;

        var notification = Assert.Single(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        Assert.Equal((NotificationKind.Mention, "ana", thread.Id, thread.Comments[0].Id, OnChart, "Placement stability in 2025", true),
            (notification.Kind, notification.ActorId, notification.ThreadId, notification.CommentId, notification.Subject, notification.ReportTitle, notification.IsUnread));
        Assert.Equal(1, await _discussion.UnreadCountAsync(Ben, Ct));
        Assert.Empty(await _discussion.NotificationsAsync(Ana, cancellationToken: Ct));
    }

    [Fact]
    public async Task StartThreadAsync_MentionsSomeoneTheReportIsNotSharedWith_TheyAreNotNotifiedAndNeverAskedAbout()
    {
        var result = await _discussion.StartThreadAsync(OnChart, Ana, "@cat might know", Ct);

        Assert.True(result.IsOk);
        Assert.Empty(await _discussion.NotificationsAsync(Cat, cancellationToken: Ct));
        Assert.Equal(0, await _discussion.UnreadCountAsync(Cat, Ct));
        // Nothing was stored for Cat to find later, even were the report shared with her afterwards.
        _reports.Report(Report, "Placement stability in 2025", [Chart], "ana", "ben", "cat");
        Assert.Empty(await _discussion.NotificationsAsync(Cat, cancellationToken: Ct));
    }

    [Fact]
    public async Task StartThreadAsync_MentionsNobodyKnown_PostedAndNobodyNotified()
    {
        var result = await _discussion.StartThreadAsync(OnChart, Ana, "ask @nobody-here about it", Ct);

        Assert.True(result.IsOk);
        Assert.Empty(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        Assert.Equal("ask @nobody-here about it", result.Value!.Comments[0].Body);
    }

    [Fact]
    public async Task ReplyAsync_InAThreadSomeoneTookPartIn_NotifiesThemOfTheReplyButNotTheReplier()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "Why the dip?", Ct)).Value!;
        _time.Advance(TimeSpan.FromMinutes(1));

        var reply = await _discussion.ReplyAsync(thread.Id, Ben, "A change of provider.", Ct);

        Assert.True(reply.IsOk);
        var notification = Assert.Single(await _discussion.NotificationsAsync(Ana, cancellationToken: Ct));
        Assert.Equal((NotificationKind.Reply, "ben", reply.Value!.Id), (notification.Kind, notification.ActorId, notification.CommentId));
        Assert.Empty(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        var comments = (await _discussion.ThreadAsync(thread.Id, Ana, Ct)).Value!.Comments;
        Assert.Equal(["Why the dip?", "A change of provider."], comments.Select(c => c.Body));
    }

    [Fact]
    public async Task ReplyAsync_MentionsAParticipant_OneMentionRatherThanAMentionAndAReply()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "Why the dip?", Ct)).Value!;
        _time.Advance(TimeSpan.FromMinutes(1));

        await _discussion.ReplyAsync(thread.Id, Ben, "@ana a change of provider.", Ct);

        Assert.Equal(NotificationKind.Mention, Assert.Single(await _discussion.NotificationsAsync(Ana, cancellationToken: Ct)).Kind);
    }

    [Fact]
    public async Task ReplyAsync_AParticipantHasSinceLostAccess_TheyAreNotNotified()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "Why the dip?", Ct)).Value!;
        await _discussion.ReplyAsync(thread.Id, Ben, "Looking", Ct);
        _reports.Unshare(Report, "ben");
        _time.Advance(TimeSpan.FromMinutes(1));

        await _discussion.ReplyAsync(thread.Id, Ana, "Any news?", Ct);

        Assert.Empty(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
    }

    [Fact]
    public async Task ResolveAsync_ThenReopenAsync_RecordsWhoAndWhenAndNotifiesTheOthersWhoTookPart()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "Why the dip?", Ct)).Value!;
        await _discussion.ReplyAsync(thread.Id, Ben, "A change of provider.", Ct);
        await _discussion.MarkAllReadAsync(Ana, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        var resolvedAt = _time.GetUtcNow();

        var resolved = (await _discussion.ResolveAsync(thread.Id, Ana, Ct)).Value!;
        _time.Advance(TimeSpan.FromMinutes(5));
        var reopened = (await _discussion.ReopenAsync(thread.Id, Ben, Ct)).Value!;

        Assert.True(resolved.IsResolved);
        Assert.Equal(new ThreadEvent(ThreadEventKind.Resolved, "ana", resolvedAt), resolved.Resolution);
        Assert.False(reopened.IsResolved);
        Assert.Null(reopened.Resolution);
        Assert.Equal([(ThreadEventKind.Resolved, "ana"), (ThreadEventKind.Reopened, "ben")], reopened.Events.Select(e => (e.Kind, e.ActorId)));
        Assert.Equal(NotificationKind.Resolved, Assert.Single(await _discussion.NotificationsAsync(Ben, unreadOnly: true, cancellationToken: Ct)).Kind);
        Assert.Equal(NotificationKind.Reopened, Assert.Single(await _discussion.NotificationsAsync(Ana, unreadOnly: true, cancellationToken: Ct)).Kind);
    }

    [Fact]
    public async Task ResolveAsync_AlreadyResolved_NoSecondEventOrNotification()
    {
        var thread = (await _discussion.StartThreadAsync(OnChart, Ana, "Why the dip?", Ct)).Value!;
        await _discussion.ReplyAsync(thread.Id, Ben, "Done.", Ct);
        await _discussion.ResolveAsync(thread.Id, Ben, Ct);
        var notifications = (await _discussion.NotificationsAsync(Ana, cancellationToken: Ct)).Count;

        var again = await _discussion.ResolveAsync(thread.Id, Ben, Ct);

        Assert.True(again.IsOk);
        Assert.Single(again.Value!.Events);
        Assert.Equal(notifications, (await _discussion.NotificationsAsync(Ana, cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task MarkReadAsync_OneThenAll_CountFollows()
    {
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben one", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _discussion.StartThreadAsync(SubjectKey.Report(Report), Ana, "@ben two", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben three", Ct);
        var newest = (await _discussion.NotificationsAsync(Ben, cancellationToken: Ct))[0];

        var read = await _discussion.MarkReadAsync(Ben, newest.Id, Ct);

        Assert.False(read.Value!.IsUnread);
        Assert.Equal(2, await _discussion.UnreadCountAsync(Ben, Ct));
        Assert.Equal(2, await _discussion.MarkAllReadAsync(Ben, Ct));
        Assert.Equal(0, await _discussion.UnreadCountAsync(Ben, Ct));
        Assert.Equal(3, (await _discussion.NotificationsAsync(Ben, cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task MarkReadAsync_SomeoneElsesNotification_NotFoundAndStillUnread()
    {
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben look", Ct);
        var bens = Assert.Single(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));

        var result = await _discussion.MarkReadAsync(Cat, bens.Id, Ct);

        Assert.Equal(DiscussionOutcome.NotFound, result.Outcome);
        Assert.Equal(1, await _discussion.UnreadCountAsync(Ben, Ct));
    }

    [Fact]
    public async Task NotificationsAsync_ReportNoLongerShared_DropOutOfListAndCountWithoutItsTitle()
    {
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben look", Ct);

        _reports.Unshare(Report, "ben");

        Assert.Empty(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        Assert.Equal(0, await _discussion.UnreadCountAsync(Ben, Ct));
    }

    [Fact]
    public async Task MarkReadAsync_ReportNoLongerShared_NotFound()
    {
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben look", Ct);
        var bens = Assert.Single(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        _reports.Unshare(Report, "ben");

        var result = await _discussion.MarkReadAsync(Ben, bens.Id, Ct);

        Assert.Equal(DiscussionOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task MarkReadAsync_OlderNotification_MarksThatOneOnly()
    {
        await _discussion.StartThreadAsync(OnChart, Ana, "@ben first", Ct);
        var first = Assert.Single(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct));
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await _discussion.StartThreadAsync(OnChart, Ana, $"@ben more {i}", Ct);
        }

        var read = await _discussion.MarkReadAsync(Ben, first.Id, Ct);

        Assert.Equal(first.Id, read.Value!.Id);
        Assert.False(read.Value.IsUnread);
        Assert.Equal(3, await _discussion.UnreadCountAsync(Ben, Ct));
    }

    [Fact]
    public async Task EditAsync_OwnComment_NewTextShownAndTheOldKept()
    {
        var comment = (await _discussion.StartThreadAsync(OnChart, Ana, "Bolton dips", Ct)).Value!.Comments[0];
        _time.Advance(TimeSpan.FromMinutes(2));
        var editedAt = _time.GetUtcNow();

        var edited = await _discussion.EditAsync(comment.Id, Ana, "Bolton dips in 2023", Ct);
        _time.Advance(TimeSpan.FromMinutes(2));
        await _discussion.EditAsync(comment.Id, Ana, "Bolton and Bury dip in 2023", Ct);

        Assert.Equal(editedAt, edited.Value!.EditedAt);
        var shown = (await _discussion.ForReportAsync(Report, Ben, Ct)).Value!.Threads[0].Comments[0];
        Assert.Equal("Bolton and Bury dip in 2023", shown.Body);
        var history = (await _discussion.HistoryAsync(comment.Id, Ben, Ct)).Value!;
        Assert.Equal([(1, "Bolton dips", editedAt), (2, "Bolton dips in 2023", editedAt.AddMinutes(2))], history.Select(v => (v.Version, v.Body, v.ReplacedAt)));
    }

    [Fact]
    public async Task EditAsync_SomeoneElsesComment_ForbiddenAndUnchanged()
    {
        var comment = (await _discussion.StartThreadAsync(OnChart, Ana, "Bolton dips", Ct)).Value!.Comments[0];

        var result = await _discussion.EditAsync(comment.Id, Ben, "Ben's words", Ct);

        Assert.Equal(DiscussionOutcome.Forbidden, result.Outcome);
        Assert.Equal("Bolton dips", (await _discussion.ThreadAsync(comment.ThreadId, Ana, Ct)).Value!.Comments[0].Body);
    }

    [Fact]
    public async Task EditAsync_AddsAMention_NotifiesOnlyTheNewlyMentioned()
    {
        var comment = (await _discussion.StartThreadAsync(SubjectKey.Report(Report), Ana, "Thoughts?", Ct)).Value!.Comments[0];

        await _discussion.EditAsync(comment.Id, Ana, "Thoughts, @ben?", Ct);
        await _discussion.EditAsync(comment.Id, Ana, "Thoughts, @ben? Anyone?", Ct);

        Assert.Equal(NotificationKind.Mention, Assert.Single(await _discussion.NotificationsAsync(Ben, cancellationToken: Ct)).Kind);
    }
}
