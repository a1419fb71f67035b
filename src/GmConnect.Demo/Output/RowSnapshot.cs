using GmConnect.Demo.Population;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Output;

/// <summary>
/// An immutable copy of one record (the planner reuses its <see cref="SourceRecord"/>), with the
/// person it belongs to and the errors injected into it.
/// </summary>
internal readonly record struct RowSnapshot(
    SourceKind Kind,
    Person Person,
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
    DateOnly RecordedOn,
    int Errors)
{
    public static RowSnapshot Of(SourceRecord r, Person person) => new(
        r.Kind, person, r.Source, r.RecordId, r.NhsNumber, r.Upn, r.Nino, r.PncId, r.GivenName, r.MiddleNames, r.FamilyName,
        r.Sex, r.DateOfBirth, r.Postcode, r.Address, r.Phone, r.Email, r.RecordedOn, r.Errors);
}
