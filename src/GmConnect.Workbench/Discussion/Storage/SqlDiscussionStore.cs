using System.Data.Common;
using GmConnect.Storage;

namespace GmConnect.Workbench.Discussion.Storage;

/// <summary>Threads, comments, their history and notifications in SQLite or PostgreSQL (tables <c>discussion_*</c>).</summary>
internal sealed class SqlDiscussionStore(Store store)
{
    private const string ThreadColumns = "id, report_id, subject, created_by, created_us, resolved";
    private const string CommentColumns = "c.id, c.thread_id, c.author_id, c.created_us, c.body, c.edited_us";
    private const string NotificationColumns = "id, kind, report_id, subject, thread_id, comment_id, actor_id, created_us, read_us";

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => store.OpenConnectionAsync(cancellationToken);

    public static async Task InsertThreadAsync(DbConnection connection, DbTransaction transaction, string id, SubjectKey subject, string createdBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"INSERT INTO discussion_thread ({ThreadColumns}) VALUES (@id, @report, @subject, @by, @at, 0)", transaction)
            .With("id", id).With("report", subject.ReportId).With("subject", subject.ToString()).With("by", createdBy).With("at", Micros(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task InsertCommentAsync(DbConnection connection, DbTransaction transaction, DiscussionComment comment, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO discussion_comment (id, thread_id, author_id, created_us, body) VALUES (@id, @thread, @author, @at, @body)", transaction)
            .With("id", comment.Id).With("thread", comment.ThreadId).With("author", comment.AuthorId).With("at", Micros(comment.At)).With("body", comment.Body);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a comment's text, keeping the one it replaces as the next version of its history.</summary>
    public static async Task EditCommentAsync(DbConnection connection, DbTransaction transaction, DiscussionComment old, string body, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var history = connection.Command(
            "INSERT INTO discussion_comment_edit (comment_id, version, body, replaced_us) " +
            "SELECT @id, COUNT(*) + 1, @body, @at FROM discussion_comment_edit WHERE comment_id = @id", transaction)
            .With("id", old.Id).With("body", old.Body).With("at", Micros(at)))
        {
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var update = connection.Command("UPDATE discussion_comment SET body = @body, edited_us = @at WHERE id = @id", transaction)
            .With("body", body).With("at", Micros(at)).With("id", old.Id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the status when it differs and records who and when; false when it was already so.</summary>
    public static async Task<bool> SetResolvedAsync(DbConnection connection, DbTransaction transaction, string threadId, bool resolved, string actorId, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var update = connection.Command(
            "UPDATE discussion_thread SET resolved = @to, status_by = @by, status_us = @at WHERE id = @id AND resolved = @from", transaction)
            .With("to", resolved ? 1 : 0).With("from", resolved ? 0 : 1).With("by", actorId).With("at", Micros(at)).With("id", threadId))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await using var insert = connection.Command(
            "INSERT INTO discussion_thread_event (id, thread_id, kind, actor_id, at_us) VALUES (@id, @thread, @kind, @by, @at)", transaction)
            .With("id", eventId).With("thread", threadId).With("kind", resolved ? "resolved" : "reopened").With("by", actorId).With("at", Micros(at));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task InsertNotificationAsync(DbConnection connection, DbTransaction transaction, string id, string recipientId, NotificationKind kind, SubjectKey subject,
        string threadId, string? commentId, string actorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"INSERT INTO discussion_notification ({NotificationColumns}, recipient_id) VALUES (@id, @kind, @report, @subject, @thread, @comment, @actor, @at, NULL, @recipient)", transaction)
            .With("id", id).With("kind", Kind(kind)).With("report", subject.ReportId).With("subject", subject.ToString()).With("thread", threadId)
            .With("comment", commentId).With("actor", actorId).With("at", Micros(at)).With("recipient", recipientId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DiscussionThread?> ThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        var threads = await ThreadsAsync("t.id = @key", threadId, cancellationToken).ConfigureAwait(false);
        return threads.Count == 0 ? null : threads[0];
    }

    public Task<IReadOnlyList<DiscussionThread>> ThreadsOfReportAsync(string reportId, CancellationToken cancellationToken) =>
        ThreadsAsync("t.report_id = @key", reportId, cancellationToken);

    public async Task<(DiscussionComment Comment, string ReportId)?> CommentAsync(string commentId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {CommentColumns}, t.report_id FROM discussion_comment c JOIN discussion_thread t ON t.id = c.thread_id WHERE c.id = @id").With("id", commentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (ReadComment(reader), reader.GetString(6)) : null;
    }

    public async Task<IReadOnlyList<CommentVersion>> HistoryAsync(string commentId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT version, body, replaced_us FROM discussion_comment_edit WHERE comment_id = @id ORDER BY version").With("id", commentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<CommentVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new CommentVersion((int)Long(reader, 0), reader.GetString(1), Instant(Long(reader, 2))));
        }

        return found;
    }

    /// <summary>A recipient's notifications, newest first, with the report each is about (for the access check on the way out).</summary>
    public async Task<IReadOnlyList<(DiscussionNotification Notification, string ReportId)>> NotificationsAsync(string recipientId, bool unreadOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {NotificationColumns} FROM discussion_notification WHERE recipient_id = @recipient {(unreadOnly ? "AND read_us IS NULL" : "")} ORDER BY created_us DESC, id DESC LIMIT @limit")
            .With("recipient", recipientId).With("limit", (long)limit);
        return await ReadNotificationsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One of a recipient's notifications by its id, with the report it is about; null when there is none of theirs by that id.</summary>
    public async Task<(DiscussionNotification Notification, string ReportId)?> NotificationAsync(string recipientId, string notificationId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {NotificationColumns} FROM discussion_notification WHERE recipient_id = @recipient AND id = @id")
            .With("recipient", recipientId).With("id", notificationId);
        return await ReadNotificationsAsync(command, cancellationToken).ConfigureAwait(false) is [var one] ? one : null;
    }

    private static async Task<List<(DiscussionNotification, string)>> ReadNotificationsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(DiscussionNotification, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!SubjectKey.TryParse(reader.GetString(3), out var subject))
            {
                continue;
            }

            found.Add((new DiscussionNotification(
                reader.GetString(0), ParseKind(reader.GetString(1)), subject, reader.GetString(4), reader.GetNullableString(5), reader.GetString(6),
                Instant(Long(reader, 7)), reader.IsDBNull(8) ? null : Instant(Long(reader, 8)), ""), reader.GetString(2)));
        }

        return found;
    }

    /// <summary>Unread notifications per report, for the count in the header.</summary>
    public async Task<IReadOnlyList<(string ReportId, int Count)>> UnreadByReportAsync(string recipientId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT report_id, COUNT(*) FROM discussion_notification WHERE recipient_id = @recipient AND read_us IS NULL GROUP BY report_id")
            .With("recipient", recipientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(string, int)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add((reader.GetString(0), (int)Long(reader, 1)));
        }

        return found;
    }

    /// <summary>Marks one (or, with no id, every) unread notification of the recipient read; the number changed.</summary>
    public async Task<int> MarkReadAsync(string recipientId, string? notificationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"UPDATE discussion_notification SET read_us = @at WHERE recipient_id = @recipient AND read_us IS NULL {(notificationId is null ? "" : "AND id = @id")}")
            .With("at", Micros(at)).With("recipient", recipientId);
        if (notificationId is not null)
        {
            command.With("id", notificationId);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DiscussionThread>> ThreadsAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string Id, SubjectKey Subject, string By, DateTimeOffset At, bool Resolved)>();
        await using (var command = connection.Command($"SELECT t.id, t.subject, t.created_by, t.created_us, t.resolved FROM discussion_thread t WHERE {where} ORDER BY t.created_us, t.id").With("key", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // A key this code wrote always parses; a row that does not is skipped rather than shown under the wrong subject.
                if (SubjectKey.TryParse(reader.GetString(1), out var subject))
                {
                    rows.Add((reader.GetString(0), subject, reader.GetString(2), Instant(Long(reader, 3)), Long(reader, 4) == 1));
                }
            }
        }

        var comments = new Dictionary<string, List<DiscussionComment>>(StringComparer.Ordinal);
        await using (var command = connection.Command($"SELECT {CommentColumns} FROM discussion_comment c JOIN discussion_thread t ON t.id = c.thread_id WHERE {where} ORDER BY c.created_us, c.id").With("key", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var comment = ReadComment(reader);
                (comments.TryGetValue(comment.ThreadId, out var list) ? list : comments[comment.ThreadId] = []).Add(comment);
            }
        }

        var events = new Dictionary<string, List<ThreadEvent>>(StringComparer.Ordinal);
        await using (var command = connection.Command($"SELECT e.thread_id, e.kind, e.actor_id, e.at_us FROM discussion_thread_event e JOIN discussion_thread t ON t.id = e.thread_id WHERE {where} ORDER BY e.at_us, e.id").With("key", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var e = new ThreadEvent(reader.GetString(1) == "resolved" ? ThreadEventKind.Resolved : ThreadEventKind.Reopened, reader.GetString(2), Instant(Long(reader, 3)));
                (events.TryGetValue(reader.GetString(0), out var list) ? list : events[reader.GetString(0)] = []).Add(e);
            }
        }

        return [.. rows.Select(r => new DiscussionThread(r.Id, r.Subject, r.By, r.At, r.Resolved,
            comments.TryGetValue(r.Id, out var c) ? c : [], events.TryGetValue(r.Id, out var e) ? e : []))];
    }

    private static DiscussionComment ReadComment(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(Long(reader, 3)), reader.GetString(4), reader.IsDBNull(5) ? null : Instant(Long(reader, 5)));

    private static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => "mention",
        NotificationKind.Reply => "reply",
        NotificationKind.Resolved => "resolved",
        NotificationKind.Reopened => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static NotificationKind ParseKind(string kind) => kind switch
    {
        "mention" => NotificationKind.Mention,
        "reply" => NotificationKind.Reply,
        "resolved" => NotificationKind.Resolved,
        _ => NotificationKind.Reopened,
    };

    // Both providers hand back 64-bit or 32-bit integers depending on the column; read either.
    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset Instant(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
}
