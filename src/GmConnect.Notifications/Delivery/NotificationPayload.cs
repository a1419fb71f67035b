using System.Text.Json.Serialization;

namespace GmConnect.Notifications.Delivery;

/// <summary>
/// The body POSTed to a subscriber: what changed and for whom, by key — never the record's content. The subscriber
/// fetches the pointer (and content) through the API, where Governance decides again and audits the read.
/// </summary>
internal sealed record NotificationPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subscription")] string Subscription,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("person")] string Person,
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("recordType")] string RecordType,
    [property: JsonPropertyName("custodian")] string Custodian,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt);
