using GmConnect.Governance.Storage;

namespace GmConnect.Governance.Tests.Storage;

public sealed class CheckpointParsingTests
{
    [Theory]
    [InlineData("12:" + "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789", true)]
    [InlineData("12:abc", false)]
    [InlineData(":" + "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", false)]
    [InlineData("-1:" + "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", false)]
    [InlineData("", false)]
    public void TryParseCheckpoint_Text_ParsesOnlyWellFormed(string text, bool expected)
    {
        var parsed = AuditStoreVerifier.TryParseCheckpoint(text, out var checkpoint);

        Assert.Equal(expected, parsed);
        if (expected)
        {
            Assert.Equal(12, checkpoint!.Sequence);
            Assert.Equal(text[3..].ToLowerInvariant(), checkpoint.Hash);
        }
    }
}
