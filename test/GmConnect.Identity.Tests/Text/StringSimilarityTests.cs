using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Tests.Text;

public sealed class StringSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.944444)]
    [InlineData("dixon", "dicksonx", 0.766667)]
    [InlineData("jellyfish", "smellyfish", 0.896296)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_KnownPairs_MatchPublishedValues(string a, string b, double expected) =>
        Assert.Equal(expected, StringSimilarity.Jaro(a, b), 5);

    [Theory]
    [InlineData("martha", "marhta", 0.961111)]
    [InlineData("dixon", "dicksonx", 0.813333)]
    [InlineData("dwayne", "duane", 0.84)]
    public void JaroWinkler_KnownPairs_MatchPublishedValues(string a, string b, double expected) =>
        Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 5);

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_KnownPairs_GiveEditDistance(string a, string b, int expected) =>
        Assert.Equal(expected, StringSimilarity.Levenshtein(a, b));

    [Theory]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("smith", "simth", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void DamerauLevenshtein_KnownPairs_CountTranspositionAsOneEdit(string a, string b, int expected) =>
        Assert.Equal(expected, StringSimilarity.DamerauLevenshtein(a, b));

    [Fact]
    public void Jaccard_Tokens_IsSharedOverUnion() =>
        Assert.Equal(0.5, StringSimilarity.Jaccard(StringSimilarity.WordTokens("mary jane smith"), StringSimilarity.WordTokens("jane smith ann")), 10);

    [Fact]
    public void JaroWinkler_AnyStrings_InUnitIntervalAndSymmetric() => Check.QuickThrowOnFailure(Prop.ForAll((string? a, string? b) =>
    {
        a ??= string.Empty;
        b ??= string.Empty;
        var x = StringSimilarity.JaroWinkler(a, b);
        var y = StringSimilarity.JaroWinkler(b, a);
        return x >= 0 && x <= 1 + 1e-12 && Math.Abs(x - y) < 1e-12;
    }));

    [Fact]
    public void Jaro_SameString_IsOne() =>
        Check.QuickThrowOnFailure(Prop.ForAll((string? a) => StringSimilarity.Jaro(a ?? string.Empty, a ?? string.Empty) == 1.0));

    [Fact]
    public void Jaccard_AnyStrings_InUnitIntervalAndSymmetric() => Check.QuickThrowOnFailure(Prop.ForAll((string? a, string? b) =>
    {
        var x = StringSimilarity.Jaccard(StringSimilarity.Bigrams(a ?? string.Empty), StringSimilarity.Bigrams(b ?? string.Empty));
        var y = StringSimilarity.Jaccard(StringSimilarity.Bigrams(b ?? string.Empty), StringSimilarity.Bigrams(a ?? string.Empty));
        return x >= 0 && x <= 1 && x == y;
    }));

    [Fact]
    public void EditDistances_AnyStrings_SymmetricAndBoundedByLongerLength() => Check.QuickThrowOnFailure(Prop.ForAll((string? a, string? b) =>
    {
        a ??= string.Empty;
        b ??= string.Empty;
        var lev = StringSimilarity.Levenshtein(a, b);
        var dl = StringSimilarity.DamerauLevenshtein(a, b);
        return lev == StringSimilarity.Levenshtein(b, a) && dl == StringSimilarity.DamerauLevenshtein(b, a)
            && dl <= lev && lev <= Math.Max(a.Length, b.Length) && (lev == 0) == (a == b);
    }));

    [Fact]
    public void BoundedDistances_AnyStrings_AgreeWithUnboundedWithinTheBound() => Check.QuickThrowOnFailure(Prop.ForAll((string? a, string? b, byte bound) =>
    {
        a ??= string.Empty;
        b ??= string.Empty;
        var max = bound % 4;
        var lev = StringSimilarity.Levenshtein(a, b);
        var dl = StringSimilarity.DamerauLevenshtein(a, b);
        var boundedLev = StringSimilarity.Levenshtein(a, b, max);
        var boundedDl = StringSimilarity.DamerauLevenshtein(a, b, max);
        return (lev <= max ? boundedLev == lev : boundedLev > max) && (dl <= max ? boundedDl == dl : boundedDl > max);
    }));
}
