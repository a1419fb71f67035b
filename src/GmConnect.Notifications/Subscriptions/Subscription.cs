using GmConnect.Governance.Decisions;

namespace GmConnect.Notifications.Subscriptions;

/// <summary>
/// A rest-hook subscription owned by an organisation. Notifications are decided by Governance as if the
/// subscribing practitioner, in their role and for the subscription's purpose, read the pointer.
/// </summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="OwnerOrganisationId">The subscribing organisation.</param>
/// <param name="PractitionerId">The practitioner who created it (decisions are made for them).</param>
/// <param name="Role">Their role.</param>
/// <param name="Purpose">The purpose of use notifications serve.</param>
/// <param name="Criteria">What it watches.</param>
/// <param name="PersonKey">For a person subscription: the person the identifier resolved to at creation.</param>
/// <param name="Endpoint">Where notifications are POSTed.</param>
/// <param name="Status">Active or off.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record Subscription(
    string Id,
    string OwnerOrganisationId,
    string PractitionerId,
    string Role,
    Purpose Purpose,
    SubscriptionCriteria Criteria,
    string? PersonKey,
    Uri Endpoint,
    SubscriptionStatus Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>True when an event is about what this subscription watches.</summary>
    /// <param name="notification">The event.</param>
    /// <param name="currentPersonKey">For a person subscription: the person its identifier belongs to now (after merges
    /// and unmerges); default: <see cref="PersonKey"/>, the person at creation.</param>
    public bool Matches(Outbox.NotificationEvent notification, string? currentPersonKey = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Status == SubscriptionStatus.Active && (Criteria.IsPerson
            ? string.Equals(currentPersonKey ?? PersonKey, notification.PersonKey, StringComparison.Ordinal)
            : Criteria.RecordTypes.Contains(notification.RecordType, StringComparer.Ordinal));
    }
}
