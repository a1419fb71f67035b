using GmConnect.Identity.Manager;

namespace GmConnect.Integration.PersonRecords;

/// <summary>
/// One row of the person-records CSV (version 1), as the source holds it: errors, gaps and all.
/// Fields are kept exactly as received (blank becomes null); linking is the Identity Manager's job.
/// </summary>
public sealed record PersonRecord
{
    public required string Source { get; init; }
    public required string RecordId { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? Nino { get; init; }
    public string? PncId { get; init; }
    public string? GivenName { get; init; }
    public string? MiddleNames { get; init; }
    public string? FamilyName { get; init; }
    public string? Sex { get; init; }

    /// <summary>Date of birth; null when unknown.</summary>
    public DateOnly? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }

    /// <summary>The day the source last updated the record.</summary>
    public DateOnly? RecordedOn { get; init; }

    /// <summary>The record as the Identity Manager takes it (the same fields, nothing normalised).</summary>
    public IdentityRecord ToIdentityRecord() => new()
    {
        Source = Source,
        RecordId = RecordId,
        NhsNumber = NhsNumber,
        Upn = Upn,
        Nino = Nino,
        PncId = PncId,
        GivenName = GivenName,
        MiddleNames = MiddleNames,
        FamilyName = FamilyName,
        Sex = Sex,
        DateOfBirth = DateOfBirth,
        Postcode = Postcode,
        Address = Address,
        Phone = Phone,
        Email = Email,
        RecordedOn = RecordedOn,
    };
}
