using GmConnect.Governance.Sensitivity;

namespace GmConnect.Notifications.Outbox;

/// <summary>
/// Something that happened that subscribers may be told about: keys and codes only, never content. The event id
/// makes enqueueing idempotent (the same id twice is one event).
/// </summary>
/// <param name="EventId">A unique id chosen by the producer (e.g. <c>pointer-created:{pointerId}</c>).</param>
/// <param name="Kind">What happened, e.g. <see cref="NotificationKinds.PointerCreated"/>.</param>
/// <param name="PersonKey">The Identity Manager's key of the person it is about.</param>
/// <param name="PointerId">The Record Locator pointer (DocumentReference id).</param>
/// <param name="RecordType">The pointer's record type code.</param>
/// <param name="Category">The sharing category Governance decides on.</param>
/// <param name="CustodianId">The pointer's custodian organisation.</param>
/// <param name="Sensitivity">The pointer's labels.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
public sealed record NotificationEvent(
    string EventId,
    string Kind,
    string PersonKey,
    string PointerId,
    string RecordType,
    string Category,
    string CustodianId,
    SensitivityLabels Sensitivity,
    DateTimeOffset OccurredAt);
