using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Identifiers;

namespace GmConnect.Identity.Tests.Identifiers;

public sealed class IdentifierCheckTests
{
    [Theory]
    [InlineData("943 476 5919", true)]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("4010232137", true)]
    [InlineData("1111111111", false)]
    [InlineData("123456789", false)]
    public void NhsNumber_Modulus11_AcceptsOnlyValidNumbers(string value, bool valid) =>
        Assert.Equal(valid, IdentifierCheck.IsValid(IdentifierKind.NhsNumber, IdentifierCheck.Normalise(IdentifierKind.NhsNumber, value)));

    [Fact]
    public void NhsNumber_OneDigitChanged_NeverStillValid() => Check.QuickThrowOnFailure(Prop.ForAll((byte seed) =>
    {
        const string valid = "9434765919";
        var position = seed % 10;
        var digit = (char)('0' + ((valid[position] - '0' + 1 + (seed / 10 % 9)) % 10));
        var changed = valid[..position] + digit + valid[(position + 1)..];
        return !IdentifierCheck.IsValid(IdentifierKind.NhsNumber, changed);
    }));

    [Theory]
    [InlineData("352000112001")]
    [InlineData("80120010101A")]
    public void Upn_CheckLetter_ComputedLetterValidatesAndOthersDoNot(string twelve)
    {
        var letter = IdentifierCheck.UpnCheckLetter(twelve);
        Assert.True(IdentifierCheck.IsValid(IdentifierKind.Upn, letter + twelve));
        var wrong = letter == 'A' ? 'B' : 'A';
        Assert.False(IdentifierCheck.IsValid(IdentifierKind.Upn, wrong + twelve));
    }

    [Theory]
    [InlineData("AB 12 34 56 C", true)]
    [InlineData("ab123456d", true)]
    [InlineData("DA123456A", false)]
    [InlineData("AO123456A", false)]
    [InlineData("GB123456A", false)]
    [InlineData("AB123456E", false)]
    public void Nino_Format_FollowsHmrcRules(string value, bool valid) =>
        Assert.Equal(valid, IdentifierCheck.IsValid(IdentifierKind.Nino, IdentifierCheck.Normalise(IdentifierKind.Nino, value)));

    [Theory]
    [InlineData("98/1234567A", "98/1234567A", true)]
    [InlineData("1998/123a", "98/0000123A", true)]
    [InlineData("98-1234567", "981234567", false)]
    public void PncId_Normalise_CanonicalYearAndSerial(string value, string canonical, bool valid)
    {
        var normalised = IdentifierCheck.Normalise(IdentifierKind.PncId, value);
        Assert.Equal(canonical, normalised);
        Assert.Equal(valid, IdentifierCheck.IsValid(IdentifierKind.PncId, normalised));
    }
}
