using System.Data.Common;
using GmConnect.Storage;
using GmConnect.Workbench.Discussion.Storage;

namespace GmConnect.Workbench.Discussion;

/// <summary>
/// Comment threads on reports and their blocks, and the in-app notifications they raise. Every request names the
/// practitioner making it and is decided against the report (<see cref="IDiscussionAccess"/>): someone who may not see
/// the report gets <see cref="DiscussionOutcome.NotFound"/>, exactly as for a report that does not exist, and is never
/// notified about it — not even when <c>@mentioned</c>.
/// </summary>
public sealed class DiscussionService
{
    private readonly SqlDiscussionStore _store;
    private readonly IDiscussionAccess _access;
    private readonly IDiscussionDirectory _directory;
    private readonly TimeProvider _time;

    public DiscussionService(Store store, IDiscussionAccess access, IDiscussionDirectory directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        _store = new SqlDiscussionStore(store);
        _access = access;
        _directory = directory;
        _time = time;
    }

    /// <summary>The people the discussion can name (authors, mentions).</summary>
    public IDiscussionDirectory Directory => _directory;

    /// <summary>Every thread on a report and its blocks, for someone who may see the report.</summary>
    public async Task<DiscussionResult<DiscussionView>> ForReportAsync(string reportId, DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportId);
        ArgumentNullException.ThrowIfNull(user);
        if (await _access.FindReportAsync(reportId, user, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            return DiscussionResult<DiscussionView>.NotFound();
        }

        var threads = await _store.ThreadsOfReportAsync(reportId, cancellationToken).ConfigureAwait(false);
        return DiscussionResult<DiscussionView>.Ok(new DiscussionView(report, threads));
    }

    /// <summary>One thread, for someone who may see its report.</summary>
    public async Task<DiscussionResult<DiscussionThread>> ThreadAsync(string threadId, DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (thread, _) = await VisibleThreadAsync(threadId, user, cancellationToken).ConfigureAwait(false);
        return thread is null ? DiscussionResult<DiscussionThread>.NotFound() : DiscussionResult<DiscussionThread>.Ok(thread);
    }

    /// <summary>Opens a thread on a report or one of its blocks with a first comment; notifies those <c>@mentioned</c> who may see the report.</summary>
    public async Task<DiscussionResult<DiscussionThread>> StartThreadAsync(SubjectKey subject, DiscussionUser user, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(user);
        if (await _access.FindReportAsync(subject.ReportId, user, cancellationToken).ConfigureAwait(false) is not { } report
            || (subject.BlockId is { } block && !report.BlockIds.Contains(block, StringComparer.Ordinal)))
        {
            return DiscussionResult<DiscussionThread>.NotFound();
        }

        if (Check(text) is { } error)
        {
            return DiscussionResult<DiscussionThread>.Invalid(error);
        }

        var now = _time.GetUtcNow();
        var threadId = NewId(now);
        var comment = new DiscussionComment(NewId(now), threadId, user.PractitionerId, now, text.Trim(), null);
        await using (var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await SqlDiscussionStore.InsertThreadAsync(connection, transaction, threadId, subject, user.PractitionerId, now, cancellationToken).ConfigureAwait(false);
            await SqlDiscussionStore.InsertCommentAsync(connection, transaction, comment, cancellationToken).ConfigureAwait(false);
            await NotifyAsync(connection, transaction, subject, threadId, comment, participants: [], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DiscussionResult<DiscussionThread>.Ok(new DiscussionThread(threadId, subject, user.PractitionerId, now, false, [comment], []));
    }

    /// <summary>Replies in a thread; notifies those <c>@mentioned</c> and everyone else who took part, when they may still see the report.</summary>
    public async Task<DiscussionResult<DiscussionComment>> ReplyAsync(string threadId, DiscussionUser user, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (thread, _) = await VisibleThreadAsync(threadId, user, cancellationToken).ConfigureAwait(false);
        if (thread is null)
        {
            return DiscussionResult<DiscussionComment>.NotFound();
        }

        if (Check(text) is { } error)
        {
            return DiscussionResult<DiscussionComment>.Invalid(error);
        }

        var now = _time.GetUtcNow();
        var comment = new DiscussionComment(NewId(now), thread.Id, user.PractitionerId, now, text.Trim(), null);
        await using (var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await SqlDiscussionStore.InsertCommentAsync(connection, transaction, comment, cancellationToken).ConfigureAwait(false);
            await NotifyAsync(connection, transaction, thread.Subject, thread.Id, comment, thread.Participants, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DiscussionResult<DiscussionComment>.Ok(comment);
    }

    /// <summary>
    /// Changes the text of one's own comment, keeping the text it replaces (<see cref="HistoryAsync"/>). Mentions added
    /// by the edit notify as a new comment would; those already in the text are not notified again.
    /// </summary>
    public async Task<DiscussionResult<DiscussionComment>> EditAsync(string commentId, DiscussionUser user, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var found = await VisibleCommentAsync(commentId, user, cancellationToken).ConfigureAwait(false);
        if (found is not { } visible)
        {
            return DiscussionResult<DiscussionComment>.NotFound();
        }

        var (old, thread) = visible;
        if (!string.Equals(old.AuthorId, user.PractitionerId, StringComparison.Ordinal))
        {
            return DiscussionResult<DiscussionComment>.Forbidden("You can only change your own comments");
        }

        if (Check(text) is { } error)
        {
            return DiscussionResult<DiscussionComment>.Invalid(error);
        }

        var now = _time.GetUtcNow();
        var edited = old with { Body = text.Trim(), EditedAt = now };
        var before = MentionedPeople(old.Body, user.PractitionerId);
        await using (var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await SqlDiscussionStore.EditCommentAsync(connection, transaction, old, edited.Body, now, cancellationToken).ConfigureAwait(false);
            foreach (var person in MentionedPeople(edited.Body, user.PractitionerId).Where(p => !before.Contains(p)))
            {
                await NotifyIfVisibleAsync(connection, transaction, person, NotificationKind.Mention, thread.Subject, thread.Id, edited.Id, user.PractitionerId, now, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DiscussionResult<DiscussionComment>.Ok(edited);
    }

    /// <summary>The earlier texts of a comment, oldest first (empty when it was never edited).</summary>
    public async Task<DiscussionResult<IReadOnlyList<CommentVersion>>> HistoryAsync(string commentId, DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await VisibleCommentAsync(commentId, user, cancellationToken).ConfigureAwait(false) is null)
        {
            return DiscussionResult<IReadOnlyList<CommentVersion>>.NotFound();
        }

        return DiscussionResult<IReadOnlyList<CommentVersion>>.Ok(await _store.HistoryAsync(commentId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Marks a thread resolved (recording who and when) and notifies the others who took part. Resolving a resolved thread changes nothing.</summary>
    public Task<DiscussionResult<DiscussionThread>> ResolveAsync(string threadId, DiscussionUser user, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(threadId, user, resolved: true, cancellationToken);

    /// <summary>Opens a resolved thread again (recording who and when) and notifies the others who took part.</summary>
    public Task<DiscussionResult<DiscussionThread>> ReopenAsync(string threadId, DiscussionUser user, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(threadId, user, resolved: false, cancellationToken);

    /// <summary>A practitioner's notifications, newest first, leaving out any about a report they may no longer see.</summary>
    public async Task<IReadOnlyList<DiscussionNotification>> NotificationsAsync(DiscussionUser user, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = await _store.NotificationsAsync(user.PractitionerId, unreadOnly, limit, cancellationToken).ConfigureAwait(false);
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var visible = new List<DiscussionNotification>();
        foreach (var (notification, reportId) in rows)
        {
            if (!titles.TryGetValue(reportId, out var title))
            {
                titles[reportId] = title = (await _access.FindReportAsync(reportId, user, cancellationToken).ConfigureAwait(false))?.Title;
            }

            if (title is not null)
            {
                visible.Add(notification with { ReportTitle = title });
            }
        }

        return visible;
    }

    /// <summary>How many unread notifications a practitioner has (on reports they may still see).</summary>
    public async Task<int> UnreadCountAsync(DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var count = 0;
        foreach (var (reportId, unread) in await _store.UnreadByReportAsync(user.PractitionerId, cancellationToken).ConfigureAwait(false))
        {
            if (await _access.FindReportAsync(reportId, user, cancellationToken).ConfigureAwait(false) is not null)
            {
                count += unread;
            }
        }

        return count;
    }

    /// <summary>Marks one of the practitioner's notifications read and returns it (to follow it to the comment); NotFound when it is not theirs.</summary>
    public async Task<DiscussionResult<DiscussionNotification>> MarkReadAsync(DiscussionUser user, string notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        // Theirs and on a report they may see: the same filter as the list.
        if (await _store.NotificationAsync(user.PractitionerId, notificationId, cancellationToken).ConfigureAwait(false) is not ({ } found, { } reportId)
            || (await _access.FindReportAsync(reportId, user, cancellationToken).ConfigureAwait(false))?.Title is not { } title)
        {
            return DiscussionResult<DiscussionNotification>.NotFound();
        }

        var mine = found with { ReportTitle = title };

        var now = _time.GetUtcNow();
        await _store.MarkReadAsync(user.PractitionerId, notificationId, now, cancellationToken).ConfigureAwait(false);
        return DiscussionResult<DiscussionNotification>.Ok(mine with { ReadAt = mine.ReadAt ?? now });
    }

    /// <summary>Marks every notification of the practitioner read; the number that were unread.</summary>
    public Task<int> MarkAllReadAsync(DiscussionUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _store.MarkReadAsync(user.PractitionerId, null, _time.GetUtcNow(), cancellationToken);
    }

    private async Task<DiscussionResult<DiscussionThread>> SetResolvedAsync(string threadId, DiscussionUser user, bool resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (thread, _) = await VisibleThreadAsync(threadId, user, cancellationToken).ConfigureAwait(false);
        if (thread is null)
        {
            return DiscussionResult<DiscussionThread>.NotFound();
        }

        var now = _time.GetUtcNow();
        await using (var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await SqlDiscussionStore.SetResolvedAsync(connection, transaction, thread.Id, resolved, user.PractitionerId, NewId(now), now, cancellationToken).ConfigureAwait(false))
            {
                var kind = resolved ? NotificationKind.Resolved : NotificationKind.Reopened;
                foreach (var person in thread.Participants.Where(p => !string.Equals(p, user.PractitionerId, StringComparison.Ordinal)))
                {
                    await NotifyIfVisibleAsync(connection, transaction, person, kind, thread.Subject, thread.Id, null, user.PractitionerId, now, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DiscussionResult<DiscussionThread>.Ok((await _store.ThreadAsync(thread.Id, cancellationToken).ConfigureAwait(false))!);
    }

    // A new comment: each person mentioned once (as a mention), then everyone else who took part (as a reply).
    private async Task NotifyAsync(DbConnection connection, DbTransaction transaction, SubjectKey subject, string threadId, DiscussionComment comment,
        IReadOnlyList<string> participants, CancellationToken cancellationToken)
    {
        var mentioned = MentionedPeople(comment.Body, comment.AuthorId);
        foreach (var person in mentioned)
        {
            await NotifyIfVisibleAsync(connection, transaction, person, NotificationKind.Mention, subject, threadId, comment.Id, comment.AuthorId, comment.At, cancellationToken).ConfigureAwait(false);
        }

        foreach (var person in participants.Where(p => !string.Equals(p, comment.AuthorId, StringComparison.Ordinal) && !mentioned.Contains(p)))
        {
            await NotifyIfVisibleAsync(connection, transaction, person, NotificationKind.Reply, subject, threadId, comment.Id, comment.AuthorId, comment.At, cancellationToken).ConfigureAwait(false);
        }
    }

    // The access check is on the recipient: a mention of someone the report is not shared with notifies nobody.
    private async Task NotifyIfVisibleAsync(DbConnection connection, DbTransaction transaction, string recipientId, NotificationKind kind, SubjectKey subject,
        string threadId, string? commentId, string actorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await _access.FindReportAsync(subject.ReportId, new DiscussionUser(recipientId), cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        await SqlDiscussionStore.InsertNotificationAsync(connection, transaction, NewId(at), recipientId, kind, subject, threadId, commentId, actorId, at, cancellationToken).ConfigureAwait(false);
    }

    // Known people named in the text, by their registry id, leaving out the writer.
    private HashSet<string> MentionedPeople(string text, string authorId) =>
        CommentText.Mentions(text)
            .Select(h => _directory.Find(h)?.Id)
            .OfType<string>()
            .Where(id => !string.Equals(id, authorId, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    private async Task<(DiscussionThread? Thread, DiscussedReport? Report)> VisibleThreadAsync(string threadId, DiscussionUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(threadId) || await _store.ThreadAsync(threadId, cancellationToken).ConfigureAwait(false) is not { } thread)
        {
            return (null, null);
        }

        var report = await _access.FindReportAsync(thread.Subject.ReportId, user, cancellationToken).ConfigureAwait(false);
        return report is null ? (null, null) : (thread, report);
    }

    private async Task<(DiscussionComment Comment, DiscussionThread Thread)?> VisibleCommentAsync(string commentId, DiscussionUser user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(commentId) || await _store.CommentAsync(commentId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var (thread, _) = await VisibleThreadAsync(found.Comment.ThreadId, user, cancellationToken).ConfigureAwait(false);
        return thread is null ? null : (found.Comment, thread);
    }

    private static string? Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Enter a comment"
        : text.Trim().Length > CommentText.MaxLength ? $"Comment must be {CommentText.MaxLength:N0} characters or fewer"
        : null;

    private static string NewId(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");
}
