namespace GmConnect.Demo.Randomness;

/// <summary>
/// A keyed pseudo-random permutation of [0, domain): a balanced Feistel network over the
/// smallest even power of two that covers the domain, with cycle-walking back into it. Counters
/// passed through it give identifiers that never repeat yet, sorted, show no pattern (an affine
/// map x·a + b would space them evenly and reveal the order they were handed out in).
/// </summary>
internal readonly struct Permutation
{
    private readonly ulong _domain;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong _key;

    public Permutation(ulong domain, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domain, 4UL);
        _domain = domain;
        var bits = 64 - ulong.LeadingZeroCount(domain - 1);
        bits += bits & 1;
        _halfBits = (int)(bits / 2);
        _halfMask = (1UL << _halfBits) - 1;
        _key = key;
    }

    /// <summary>The image of <paramref name="x"/>, which must lie in [0, domain).</summary>
    public ulong this[ulong x]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, _domain);
            do
            {
                x = Encrypt(x);
            }
            while (x >= _domain);

            return x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        for (var round = 0UL; round < 4; round++)
        {
            var f = Mix(right ^ (_key + (round * 0x9E3779B97F4A7C15UL))) & _halfMask;
            (left, right) = (right, left ^ f);
        }

        return (left << _halfBits) | right;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
