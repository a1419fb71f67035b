namespace GmConnect.Notifications.Outbox;

/// <summary>The kinds of event subscribers are told about.</summary>
public static class NotificationKinds
{
    /// <summary>A pointer was created in the Record Locator.</summary>
    public const string PointerCreated = "pointer-created";
}
