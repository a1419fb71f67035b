using GmConnect.Workbench.Discussion;

namespace GmConnect.Workbench.Tests.Discussion;

public sealed class SubjectKeyTests
{
    [Theory]
    [InlineData("report:rabc", "rabc", null)]
    [InlineData("report:rabc/block:b123", "rabc", "b123")]
    public void TryParse_WrittenKey_RoundTrips(string text, string report, string? block)
    {
        Assert.True(SubjectKey.TryParse(text, out var key));
        Assert.Equal((report, block, text), (key.ReportId, key.BlockId, key.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("report:")]
    [InlineData("chart:rabc")]
    [InlineData("report:rabc/block:")]
    [InlineData("report:r a/block:b")]
    [InlineData("report:rabc/block:b/block:c")]
    public void TryParse_Other_False(string? text) => Assert.False(SubjectKey.TryParse(text, out _));
}
