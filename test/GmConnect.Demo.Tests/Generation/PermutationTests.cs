using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Tests.Generation;

public sealed class PermutationTests
{
    [Theory]
    [InlineData(4UL, 1UL)]
    [InlineData(1000UL, 7UL)]
    [InlineData(1UL << 16, 99UL)]
    [InlineData(50_000UL, 12345UL)]
    public void Indexer_WholeDomain_IsABijection(ulong domain, ulong key)
    {
        var p = new Permutation(domain, key);
        var seen = new bool[domain];
        for (var x = 0UL; x < domain; x++)
        {
            var y = p[x];
            Assert.InRange(y, 0UL, domain - 1);
            Assert.False(seen[y]);
            seen[y] = true;
        }
    }

    [Fact]
    public void Indexer_DifferentKeys_DifferentOrder()
    {
        var a = new Permutation(1_000_000_000, 1);
        var b = new Permutation(1_000_000_000, 2);
        Assert.Contains(Enumerable.Range(0, 20), i => a[(ulong)i] != b[(ulong)i]);
    }

    [Fact]
    public void Indexer_ConsecutiveInputs_NotEvenlySpaced()
    {
        // An affine map would give one constant gap between consecutive images; a permutation worth the name does not.
        var p = new Permutation(1_000_000_000, 42);
        var gaps = Enumerable.Range(0, 50).Select(i => (long)p[(ulong)i + 1] - (long)p[(ulong)i]).Distinct().Count();
        Assert.True(gaps > 40);
    }
}
