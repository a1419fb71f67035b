namespace GmConnect.Notifications.Subscriptions;

/// <summary>A subscription's state (FHIR R4 <c>Subscription.status</c>).</summary>
public enum SubscriptionStatus
{
    /// <summary>Notifications are being delivered.</summary>
    Active,

    /// <summary>Deleted by its owner: kept on record, never matched again.</summary>
    Off,
}
