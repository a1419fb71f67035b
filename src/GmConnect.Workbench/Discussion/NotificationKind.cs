namespace GmConnect.Workbench.Discussion;

/// <summary>Why someone was notified.</summary>
public enum NotificationKind
{
    /// <summary>They were <c>@mentioned</c> in a comment.</summary>
    Mention,

    /// <summary>Someone replied in a thread they took part in.</summary>
    Reply,

    /// <summary>A thread they took part in was resolved.</summary>
    Resolved,

    /// <summary>A thread they took part in was reopened.</summary>
    Reopened,
}
