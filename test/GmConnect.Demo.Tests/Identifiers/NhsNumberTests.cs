using FsCheck;
using FsCheck.Fluent;
using GmConnect.Demo.Identifiers;

namespace GmConnect.Demo.Tests.Identifiers;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")] // NHS Digital's documentation example
    [InlineData("943 476 5919")]
    [InlineData("4010232137")] // NHS login documentation example
    public void IsValid_PublishedExample_ReturnsTrue(string value) => Assert.True(NhsNumber.IsValid(value));

    [Theory]
    [InlineData("9434765918")] // check digit off by one
    [InlineData("9434765991")] // last two digits transposed
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659A9")]
    [InlineData("")]
    public void IsValid_Malformed_ReturnsFalse(string value) => Assert.False(NhsNumber.IsValid(value));

    [Fact]
    public void CheckDigit_RemainderTen_ReturnsMinusOne()
    {
        // Only digit 5 is set: weight 6 × 2 = 12, remainder 1, 11 − 1 = 10: no valid check digit.
        Assert.Equal(-1, NhsNumber.CheckDigit("000020000"));
    }

    [Fact]
    public void CheckDigit_AnySingleDigitChange_FailsModulus11()
    {
        var gen =
            from digits in Gen.ArrayOf(Gen.Choose(0, 9), 9)
            from position in Gen.Choose(0, 9)
            from delta in Gen.Choose(1, 9)
            select (digits, position, delta);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var nine = string.Concat(t.digits);
            var check = NhsNumber.CheckDigit(nine);
            if (check < 0)
            {
                return true; // no valid number has these nine digits
            }

            var valid = nine + check;
            var chars = valid.ToCharArray();
            chars[t.position] = (char)('0' + ((chars[t.position] - '0' + t.delta) % 10));
            return NhsNumber.IsValid(valid) && !NhsNumber.IsValid(new string(chars));
        }).QuickCheckThrowOnFailure();
    }
}
