namespace GmConnect.Workbench.Discussion;

/// <summary>A thread on a subject: its comments in order (the first opens it) and its resolve/reopen history.</summary>
public sealed record DiscussionThread(
    string Id,
    SubjectKey Subject,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool IsResolved,
    IReadOnlyList<DiscussionComment> Comments,
    IReadOnlyList<ThreadEvent> Events)
{
    /// <summary>The last resolve, when the thread is resolved now.</summary>
    public ThreadEvent? Resolution => IsResolved ? Events.LastOrDefault(e => e.Kind == ThreadEventKind.Resolved) : null;

    /// <summary>Everyone who wrote in the thread (the opener first), each once.</summary>
    public IReadOnlyList<string> Participants => [.. Comments.Select(c => c.AuthorId).Prepend(CreatedBy).Distinct(StringComparer.Ordinal)];
}
