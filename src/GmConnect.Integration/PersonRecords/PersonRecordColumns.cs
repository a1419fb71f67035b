namespace GmConnect.Integration.PersonRecords;

/// <summary>The columns of the person-records CSV, version 1 (shared/formats/person-records.md).</summary>
public static class PersonRecordColumns
{
    public const string Source = "source";
    public const string RecordId = "record_id";
    public const string NhsNumber = "nhs_number";
    public const string Upn = "upn";
    public const string Nino = "nino";
    public const string PncId = "pnc_id";
    public const string GivenName = "given_name";
    public const string MiddleNames = "middle_names";
    public const string FamilyName = "family_name";
    public const string Sex = "sex";
    public const string DateOfBirth = "date_of_birth";
    public const string Postcode = "postcode";
    public const string Address = "address";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string RecordedOn = "recorded_on";

    /// <summary>Every column, in the documented order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Source, RecordId, NhsNumber, Upn, Nino, PncId, GivenName, MiddleNames, FamilyName,
        Sex, DateOfBirth, Postcode, Address, Phone, Email, RecordedOn,
    ];

    /// <summary>The columns a file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Source, RecordId];
}
