using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Tests.Measures;

namespace GmConnect.Workbench.Tests.Explore;

/// <summary>The data version's fingerprint: the same rows give the same print, one changed cell another.</summary>
public sealed class DataFingerprintTests
{
    [Fact]
    public void Of_SameReturnsInAnotherOrder_IsTheSame()
    {
        Assert.Equal(DataFingerprint.Of([SmallCase.Bolton(), SmallCase.Bury()]), DataFingerprint.Of([SmallCase.Bury(), SmallCase.Bolton()]));
    }

    [Fact]
    public void Of_OneCellChanged_Differs()
    {
        var changed = SmallCase.Bolton();
        var header = changed[ReturnTable.Header];
        header.AddRow([.. header.Columns.Select(_ => "X")]);

        Assert.NotEqual(DataFingerprint.Of([SmallCase.Bolton()]), DataFingerprint.Of([changed]));
        Assert.Matches("^[0-9a-f]{12}$", DataFingerprint.Of([changed]));
    }
}
