using GmConnect.Governance.Sensitivity;

namespace GmConnect.Repository.Content;

/// <summary>A content item: what every version shares, its retention and its legal hold.</summary>
/// <param name="Id">The content's id (the FHIR Binary id).</param>
/// <param name="CustodianId">The organisation that published it and answers for it.</param>
/// <param name="RecordType">The record type code.</param>
/// <param name="Category">The record category Governance decides on.</param>
/// <param name="Sensitivity">Labels on the content.</param>
/// <param name="PersonKey">The person it is about.</param>
/// <param name="RetentionClass">Its retention class.</param>
/// <param name="RetainUntil">The last day it must be kept (null: only a reviewer may delete it).</param>
/// <param name="LastActivity">The last day it was active.</param>
/// <param name="LatestVersion">The latest version number.</param>
/// <param name="CreatedAt">When version 1 was published.</param>
/// <param name="Hold">The legal hold on it, if any.</param>
public sealed record ContentItem(
    string Id,
    string CustodianId,
    string RecordType,
    string Category,
    SensitivityLabels Sensitivity,
    string PersonKey,
    string RetentionClass,
    DateOnly? RetainUntil,
    DateOnly LastActivity,
    int LatestVersion,
    DateTimeOffset CreatedAt,
    LegalHold? Hold);
