using GmConnect.Demo.Records;

namespace GmConnect.Demo.Output;

/// <summary>An immutable copy of one record (the planner reuses its <see cref="SourceRecord"/>), for the writer thread.</summary>
internal readonly record struct RowSnapshot(
    SourceKind Kind,
    string PersonId,
    string Source,
    string RecordId,
    string NhsNumber,
    string Upn,
    string Nino,
    string PncId,
    string GivenName,
    string MiddleNames,
    string FamilyName,
    char Sex,
    DateOnly? DateOfBirth,
    string Postcode,
    string Address,
    string Phone,
    string Email,
    DateOnly RecordedOn)
{
    public static RowSnapshot Of(SourceRecord r, string personId) => new(
        r.Kind, personId, r.Source, r.RecordId, r.NhsNumber, r.Upn, r.Nino, r.PncId, r.GivenName, r.MiddleNames, r.FamilyName,
        r.Sex, r.DateOfBirth, r.Postcode, r.Address, r.Phone, r.Email, r.RecordedOn);
}
