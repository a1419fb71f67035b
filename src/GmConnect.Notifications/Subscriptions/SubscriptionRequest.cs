using GmConnect.Governance.Decisions;

namespace GmConnect.Notifications.Subscriptions;

/// <summary>A new subscription: who asks (from their token), what to watch and where to deliver.</summary>
/// <param name="Requester">The practitioner, organisation, role and purpose; the organisation owns the subscription.</param>
/// <param name="Criteria">The FHIR criteria string.</param>
/// <param name="Endpoint">The rest-hook endpoint.</param>
public sealed record SubscriptionRequest(AccessRequest Requester, string Criteria, string Endpoint);
