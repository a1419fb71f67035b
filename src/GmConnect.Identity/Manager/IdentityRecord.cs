namespace GmConnect.Identity.Manager;

/// <summary>
/// One source record as an agency holds it (the person-records CSV, a FHIR <c>Patient</c>): errors, gaps and all.
/// The Identity Manager stores it exactly as received and never alters or drops it; linking is its job.
/// </summary>
public sealed record IdentityRecord
{
    /// <summary>The holding system, e.g. <c>gp:P84001</c>, <c>la:352:socialcare</c>, <c>police:gmp</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The record's key in that source; <c>(Source, RecordId)</c> is unique.</summary>
    public required string RecordId { get; init; }

    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? Nino { get; init; }
    public string? PncId { get; init; }
    public string? GivenName { get; init; }
    public string? MiddleNames { get; init; }
    public string? FamilyName { get; init; }

    /// <summary><c>M</c>, <c>F</c>, <c>U</c> or null.</summary>
    public string? Sex { get; init; }

    public DateOnly? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }

    /// <summary>The day the source last updated the record.</summary>
    public DateOnly? RecordedOn { get; init; }

    /// <summary>The record's key.</summary>
    public SourceRecordKey Key => new(Source, RecordId);
}
