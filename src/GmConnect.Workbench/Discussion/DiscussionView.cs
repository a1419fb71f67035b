namespace GmConnect.Workbench.Discussion;

/// <summary>Every thread on a report and its blocks, oldest first, for someone allowed to see the report.</summary>
public sealed record DiscussionView(DiscussedReport Report, IReadOnlyList<DiscussionThread> Threads)
{
    /// <summary>The threads on one subject (the report itself, or one block).</summary>
    public IReadOnlyList<DiscussionThread> On(SubjectKey subject) => [.. Threads.Where(t => t.Subject == subject)];
}
