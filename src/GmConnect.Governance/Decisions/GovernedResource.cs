using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// The governance attributes of one thing a practitioner may see: a pointer, a record's content or a person's
/// demographics. Governance never needs the content itself.
/// </summary>
/// <param name="ResourceId">The resource's key (a pointer id, a record id).</param>
/// <param name="PersonId">The key of the person the resource is about.</param>
/// <param name="CustodianId">The organisation that holds the record and answers for it.</param>
/// <param name="Category">The record category, e.g. <c>child-protection-plan</c>.</param>
/// <param name="Sensitivity">Labels on this record (the person's own labels are added from their policy).</param>
public sealed record GovernedResource(
    string ResourceId,
    string PersonId,
    string CustodianId,
    string Category,
    SensitivityLabels Sensitivity = SensitivityLabels.None);
