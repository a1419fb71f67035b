namespace GmConnect.Workbench.Discussion;

/// <summary>One comment: the first of a thread opens it, the rest are replies (one level: replies are not nested).</summary>
/// <param name="Id">The comment's id (the anchor <c>comment-{id}</c> on a page).</param>
/// <param name="ThreadId">The thread it belongs to.</param>
/// <param name="AuthorId">The practitioner who wrote it.</param>
/// <param name="At">When it was posted.</param>
/// <param name="Body">The text as written (plain text with a little Markdown); <see cref="CommentText"/> renders it escaped.</param>
/// <param name="EditedAt">When the author last changed it; earlier texts are kept (<see cref="DiscussionService.HistoryAsync"/>).</param>
public sealed record DiscussionComment(string Id, string ThreadId, string AuthorId, DateTimeOffset At, string Body, DateTimeOffset? EditedAt);
