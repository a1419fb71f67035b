using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Explore;

namespace GmConnect.Workbench.Tests.Explore;

public sealed class PseudonymsTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void For_SameKeyAndChild_SamePseudonymInItsFormat()
    {
        var a = new Pseudonyms(Key).For(new ChildKey("Bolton", "123"));

        Assert.Equal(a, new Pseudonyms(Key).For(new ChildKey("Bolton", "123")));
        Assert.Matches("^LAC-[A-Z2-9]{10}$", a);
        Assert.DoesNotContain("123", a, StringComparison.Ordinal);
    }

    [Fact]
    public void For_OtherKeyOrAuthority_DifferentPseudonym()
    {
        var a = new Pseudonyms(Key).For(new ChildKey("Bolton", "123"));

        Assert.NotEqual(a, new Pseudonyms(Key.Reverse().ToArray()).For(new ChildKey("Bolton", "123")));
        Assert.NotEqual(a, new Pseudonyms(Key).For(new ChildKey("Bury", "123")));
    }

    [Fact]
    public void Constructor_ShortKey_Throws() => Assert.Throws<ArgumentException>(() => new Pseudonyms(new byte[8]));
}
