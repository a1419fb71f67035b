using FsCheck;
using FsCheck.Fluent;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Tests.Text;

public sealed class TextNormaliserTests
{
    private static readonly TextTransform[] NameChain =
        [TextTransform.Trim, TextTransform.Lower, TextTransform.RemoveAccents, TextTransform.StripPunctuation, TextTransform.CollapseWhitespace];

    [Theory]
    [InlineData("  Zoë  O'Brien ", "zoe o brien")]
    [InlineData("JOSÉ-MARÍA", "jose maria")]
    [InlineData("   ", null)]
    public void Apply_NameChain_NormalisesCaseAccentsAndPunctuation(string input, string? expected) =>
        Assert.Equal(expected, TextNormaliser.Apply(input, NameChain));

    [Fact]
    public void Apply_FirstTokenAndSortTokens_SplitNames()
    {
        Assert.Equal("mary", TextNormaliser.Apply("mary jane", [TextTransform.FirstToken]));
        Assert.Equal("jane mary", TextNormaliser.Apply("mary  jane", [TextTransform.SortTokens]));
        Assert.Equal("0161", TextNormaliser.Apply("(0161)", [TextTransform.DigitsOnly]));
    }

    [Fact]
    public void Apply_AnySingleTransform_IsIdempotent() => Check.QuickThrowOnFailure(Prop.ForAll((string? input, byte pick) =>
    {
        var all = Enum.GetValues<TextTransform>();
        TextTransform[] transforms = [all[pick % all.Length]];
        var once = TextNormaliser.Apply(input, transforms);
        return TextNormaliser.Apply(once, transforms) == once;
    }));

    // Not every chain is idempotent (remove_spaces then strip_punctuation turns "a}a" into "a a"), so the
    // chains that matter, the shipped settings' ones, are checked on arbitrary input.
    [Theory]
    [InlineData("febrl.json")]
    [InlineData("uk-person.json")]
    public void Apply_ShippedChains_AreIdempotent(string config)
    {
        foreach (var comparison in TestData.Config(config).Comparisons)
        {
            Check.QuickThrowOnFailure(Prop.ForAll((string? input) =>
            {
                var once = TextNormaliser.Apply(input, comparison.Transforms);
                return TextNormaliser.Apply(once, comparison.Transforms) == once;
            }));
        }
    }
}
