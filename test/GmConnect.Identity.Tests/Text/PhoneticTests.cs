using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Tests.Text;

public sealed class PhoneticTests
{
    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Rubin", "R150")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Lee", "L000")]
    [InlineData("", "")]
    public void Soundex_KnownNames_GiveAmericanSoundex(string name, string expected) =>
        Assert.Equal(expected, Phonetic.Soundex(name));

    [Theory]
    [InlineData("Knight", "Night")]
    [InlineData("Macdonald", "Mcdonald")]
    [InlineData("Schmidt", "Smidt")]
    [InlineData("Philips", "Filips")]
    public void Nysiis_SoundAlikes_ShareACode(string a, string b) =>
        Assert.Equal(Phonetic.Nysiis(a), Phonetic.Nysiis(b));

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Patel", "Khan")]
    public void Nysiis_DifferentNames_DifferentCodes(string a, string b) =>
        Assert.NotEqual(Phonetic.Nysiis(a), Phonetic.Nysiis(b));

    [Fact]
    public void Codes_AnyString_AreCaseInsensitive() => Check.QuickThrowOnFailure(Prop.ForAll((string? s) =>
    {
        s ??= string.Empty;
        return Phonetic.Soundex(s) == Phonetic.Soundex(s.ToUpperInvariant()) && Phonetic.Nysiis(s) == Phonetic.Nysiis(s.ToLowerInvariant());
    }));
}
