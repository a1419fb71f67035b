using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;

namespace GmConnect.Identity.Tests.Index;

public sealed class PreparedFormTests
{
    private static readonly PreparedForm.Interner Plain = chars => chars.ToString();

    [Fact]
    public void TryDecode_EncodedForm_GivesBackKeysAndValues()
    {
        var features = new RecordFeatures(
            [0, 1, ulong.MaxValue, 0x0123456789ABCDEF],
            ["SIAN", null, "O BRIEN NUNEZ", "", "Zoë–" + new string('x', 300)],
            [new RecordIdentifier("urn:gmconnect:source:gp", "r1")]);

        var ok = PreparedForm.TryDecode(PreparedForm.Encode(features, 77), 77, 4, 5, Plain, out var keys, out var values);

        Assert.True(ok);
        Assert.Equal(features.Keys, keys);
        Assert.Equal(features.Values, values);
    }

    [Theory]
    [InlineData(78u, 4, 5)] // other settings or code
    [InlineData(77u, 3, 5)] // another number of blocking rules
    [InlineData(77u, 4, 6)] // another number of comparisons
    public void TryDecode_MadeOtherwise_Refused(uint fingerprint, int rules, int comparisons)
    {
        var form = PreparedForm.Encode(new RecordFeatures([1, 2, 3, 4], ["A", null, "B", "C", "D"], []), 77);

        Assert.False(PreparedForm.TryDecode(form, fingerprint, rules, comparisons, Plain, out _, out _));
    }

    [Fact]
    public void TryDecode_TruncatedOrExtended_Refused()
    {
        var form = PreparedForm.Encode(new RecordFeatures([1, 2], ["ALPHA", "BETA"], []), 5);

        for (var length = 0; length < form.Length; length++)
        {
            Assert.False(PreparedForm.TryDecode(form.AsSpan(0, length), 5, 2, 2, Plain, out _, out _));
        }

        Assert.False(PreparedForm.TryDecode([.. form, 0], 5, 2, 2, Plain, out _, out _));
    }

    [Fact]
    public void Fingerprint_SettingsChangePreparation_Differs()
    {
        var settings = TestData.Config("uk-person.json");
        var fewerRules = settings with { BlockingRules = [.. settings.BlockingRules.Skip(1)] };

        Assert.Equal(PreparedForm.Fingerprint(settings), PreparedForm.Fingerprint(settings with { MaxBlockSize = 7 }));
        Assert.NotEqual(PreparedForm.Fingerprint(settings), PreparedForm.Fingerprint(fewerRules));
    }
}
