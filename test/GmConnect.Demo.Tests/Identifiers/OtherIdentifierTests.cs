using GmConnect.Demo.Identifiers;

namespace GmConnect.Demo.Tests.Identifiers;

public sealed class UniquePupilNumberTests
{
    [Theory]
    [InlineData("B801200005001")] // python-stdnum's documented valid example
    public void IsValid_PublishedExample_ReturnsTrue(string value) => Assert.True(UniquePupilNumber.IsValid(value));

    [Theory]
    [InlineData("B207000016049")] // the incorrect UPN in school-census error 1510 guidance
    [InlineData("A801200005001")]
    [InlineData("X80120000A001")] // letter in the middle
    [InlineData("Q20700001604")] // twelve characters
    public void IsValid_Invalid_ReturnsFalse(string value) => Assert.False(UniquePupilNumber.IsValid(value));

    [Fact]
    public void CheckLetter_WorkedExample_SkipsIOAndS()
    {
        // School-census error 1510 guidance works "207000016049": (2×2)+(4×7)+(9×1)+(10×6)+(12×4)+(13×9).
        // That sum is 266 (the guidance misadds it to 267); 266 mod 23 = 13, and with I and O skipped 13 is P.
        Assert.Equal('P', UniquePupilNumber.CheckLetter("207000016049"));
        Assert.True(UniquePupilNumber.IsValid("P207000016049"));
    }

    [Fact]
    public void IsValid_TemporaryUpnWithFinalLetter_UsesLetterValue()
    {
        // Final letter A counts 0, so the check letter equals that of the same digits ending in 0.
        Assert.Equal(UniquePupilNumber.CheckLetter("80120000500" + "0"), UniquePupilNumber.CheckLetter("80120000500" + "A"));
        Assert.True(UniquePupilNumber.IsValid(UniquePupilNumber.CheckLetter("80120000500A") + "80120000500A"));
    }
}

public sealed class NationalInsuranceNumberTests
{
    [Theory]
    [InlineData("AB123456C")]
    [InlineData("AB 12 34 56 C")]
    [InlineData("JK000000A")]
    [InlineData("ZY999999D")]
    public void IsValid_WellFormed_ReturnsTrue(string value) => Assert.True(NationalInsuranceNumber.IsValid(value));

    [Theory]
    [InlineData("QQ123456C")] // HMRC's specimen: Q never starts a NINO
    [InlineData("DA123456A")] // D not allowed first
    [InlineData("AO123456A")] // O not allowed second
    [InlineData("BG123456A")]
    [InlineData("GB123456A")]
    [InlineData("NK123456A")]
    [InlineData("KN123456A")]
    [InlineData("TN123456A")]
    [InlineData("NT123456A")]
    [InlineData("ZZ123456A")]
    [InlineData("AB123456E")] // suffix beyond D
    [InlineData("AB12345C")]
    [InlineData("ab123456c")]
    public void IsValid_Invalid_ReturnsFalse(string value) => Assert.False(NationalInsuranceNumber.IsValid(value));
}

public sealed class PncIdTests
{
    // Valid PNC IDs from the Ministry of Justice person-record service's published tests.
    [Theory]
    [InlineData("01/0171310W")]
    [InlineData("2001/0171310W")]
    [InlineData("11/0275516Q")]
    [InlineData("08/0056560Z")]
    [InlineData("03/0062845E")]
    [InlineData("81/0154257C")]
    public void IsValid_PublishedExample_ReturnsTrue(string value) => Assert.True(PncId.IsValid(value));

    [Theory]
    [InlineData("01/0171310X")]
    [InlineData("01/171310W")]
    [InlineData("010171310W")]
    [InlineData("1X/0171310W")]
    public void IsValid_Invalid_ReturnsFalse(string value) => Assert.False(PncId.IsValid(value));

    [Fact]
    public void CheckCharacter_ZeroRemainder_IsZ() => Assert.Equal('Z', PncId.CheckCharacter(0, 23));
}
