using GmConnect.Demo.Population;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Tests.Generation;

/// <summary>A copy of one generated record with the truth about its person, for assertions.</summary>
internal sealed record CapturedRecord(
    SourceKind Kind,
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
    DateOnly RecordedOn,
    int Errors,
    string PersonId,
    int PersonAge,
    char PersonSex,
    DateOnly PersonDateOfBirth,
    string PersonGiven,
    string PersonMiddle,
    string PersonFamily,
    string PersonNhsNumber,
    string PersonUpn,
    string PersonNino,
    string PersonPncId)
{
    public bool Has(ErrorType type) => (Errors & (1 << (int)type)) != 0;
}
