using GmConnect.Governance.Sensitivity;

namespace GmConnect.Repository.Content;

/// <summary>
/// Content a custodian publishes centrally. The caller supplies what the Repository must not look up itself: the
/// person's key and date of birth (from the Identity Manager) and the record type's category and retention class
/// (from the record types registry). The date of birth is used to compute the retention date and is not stored.
/// </summary>
/// <param name="ContentId">The content's id: null for new content; an existing id publishes a new version of it.</param>
/// <param name="Bytes">The content.</param>
/// <param name="ContentType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="CustodianId">The organisation publishing it, which answers for it (e.g. <c>dfe:352</c>).</param>
/// <param name="CreatedBy">The practitioner (or system) publishing it.</param>
/// <param name="RecordType">The record type code, e.g. <c>child-protection-plan</c>.</param>
/// <param name="Category">The record category sharing agreements name (what Governance decides on).</param>
/// <param name="PersonKey">The Identity Manager's key of the person the content is about.</param>
/// <param name="DateOfBirth">The person's date of birth.</param>
/// <param name="RetentionClass">The record type's retention class (<see cref="Retention.RetentionClasses"/>).</param>
/// <param name="Sensitivity">Labels on the content (the person's own labels are added by Governance).</param>
/// <param name="LastActivity">The last day the record was active (e.g. a case closure); default: today in London.</param>
public sealed record PublishRequest(
    string? ContentId,
    ReadOnlyMemory<byte> Bytes,
    string ContentType,
    string CustodianId,
    string CreatedBy,
    string RecordType,
    string Category,
    string PersonKey,
    DateOnly DateOfBirth,
    string RetentionClass,
    SensitivityLabels Sensitivity = SensitivityLabels.None,
    DateOnly? LastActivity = null);
