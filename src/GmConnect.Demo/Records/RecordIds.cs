using System.Globalization;
using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Records;

/// <summary>
/// Record ids per source kind: a counter through a keyed permutation of the nine-digit numbers,
/// so ids are unique within a kind and, sorted, reveal nothing of the order they were made in.
/// Given out in output order, on one thread.
/// </summary>
internal sealed class RecordIds
{
    private static readonly string[] Prefixes = ["", "K", "GMP", "", "C", "", "H", "VS"];

    private readonly long[] _counters = new long[SourceKinds.All.Length];
    private readonly Permutation[] _permutations;

    public RecordIds(int seed)
    {
        var rng = Prng.ForStream(seed, -2);
        _permutations = [.. SourceKinds.All.Select(_ => new Permutation(1_000_000_000, rng.NextUInt64()))];
    }

    public string Next(SourceKind kind)
    {
        var k = (int)kind;
        var id = _permutations[k][(ulong)_counters[k]++];
        return Prefixes[k] + id.ToString("D9", CultureInfo.InvariantCulture);
    }
}
