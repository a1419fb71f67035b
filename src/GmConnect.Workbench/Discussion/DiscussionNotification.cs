namespace GmConnect.Workbench.Discussion;

/// <summary>
/// An in-app notification. It names the report by the title the recipient may see now (looked up when listed, so a
/// report no longer shared with them drops out of their list rather than showing its title).
/// </summary>
public sealed record DiscussionNotification(
    string Id,
    NotificationKind Kind,
    SubjectKey Subject,
    string ThreadId,
    string? CommentId,
    string ActorId,
    DateTimeOffset At,
    DateTimeOffset? ReadAt,
    string ReportTitle)
{
    /// <summary>Whether the recipient has not read it yet.</summary>
    public bool IsUnread => ReadAt is null;
}
