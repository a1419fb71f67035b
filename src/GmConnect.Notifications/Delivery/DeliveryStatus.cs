namespace GmConnect.Notifications.Delivery;

/// <summary>Where one notification to one subscriber stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet delivered; tried again at its next attempt time.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Governance did not permit the subscriber to learn of it: never sent (the decision is audited).</summary>
    Withheld,

    /// <summary>Failed the maximum number of attempts: on the dead-letter list for an operator.</summary>
    DeadLetter,
}
