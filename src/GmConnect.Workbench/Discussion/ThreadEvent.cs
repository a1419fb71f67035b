namespace GmConnect.Workbench.Discussion;

/// <summary>A thread resolved or reopened: by whom and when, kept for good.</summary>
public sealed record ThreadEvent(ThreadEventKind Kind, string ActorId, DateTimeOffset At);

/// <summary>What happened to a thread's status.</summary>
public enum ThreadEventKind
{
    /// <summary>Marked resolved.</summary>
    Resolved,

    /// <summary>Opened again after being resolved.</summary>
    Reopened,
}
