using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;

namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>
/// Comparison vectors ("gamma"): each comparison's level for a pair, packed 4 bits per comparison into
/// a <see cref="ulong"/> (at most 16 comparisons of at most 16 levels, as the settings enforce).
/// </summary>
internal static class ComparisonVectors
{
    public static int LevelOf(ulong gamma, int comparison) => (int)((gamma >> (4 * comparison)) & 0xF);

    public static ulong Compute(PreparedRecords records, int a, int b)
    {
        ulong gamma = 0;
        var comparisons = records.Comparisons;
        for (var c = 0; c < comparisons.Length; c++)
        {
            gamma |= (ulong)comparisons[c].Level(records.Columns, a, b) << (4 * c);
        }

        return gamma;
    }

    /// <summary>The vector of every candidate pair, computed in parallel.</summary>
    public static ulong[] ComputeAll(PreparedRecords records, CandidatePairs pairs, IProgress<double>? progress = null)
    {
        var gammas = new ulong[pairs.Count];
        const int chunk = 16_384;
        var chunks = (pairs.Count + chunk - 1) / chunk;
        var done = 0;
        var comparisons = records.Comparisons;
        // Each thread remembers the levels of the value pairs it has seen (names and postcodes repeat a lot).
        Parallel.For(
            0,
            chunks,
            () => comparisons.Select(_ => new LevelCache()).ToArray(),
            (k, _, caches) =>
            {
                var end = Math.Min(pairs.Count, (k + 1) * chunk);
                var left = pairs.Left;
                var right = pairs.Right;
                for (var p = k * chunk; p < end; p++)
                {
                    ulong gamma = 0;
                    for (var c = 0; c < comparisons.Length; c++)
                    {
                        gamma |= (ulong)comparisons[c].Level(records.Columns, left[p], right[p], caches[c]) << (4 * c);
                    }

                    gammas[p] = gamma;
                }

                var finished = Interlocked.Increment(ref done);
                if (finished % 64 == 0)
                {
                    progress?.Report((double)finished / chunks);
                }

                return caches;
            },
            _ => { });
        progress?.Report(1.0);
        return gammas;
    }

    /// <summary>Distinct (vector, rule mask) patterns with their counts: EM works on these, not on pairs.</summary>
    public static Dictionary<(ulong Gamma, ushort Rules), long> Patterns(ulong[] gammas, ushort[] rules, int count)
    {
        var patterns = new Dictionary<(ulong, ushort), long>();
        for (var p = 0; p < count; p++)
        {
            var key = (gammas[p], rules[p]);
            patterns[key] = patterns.GetValueOrDefault(key) + 1;
        }

        return patterns;
    }
}
