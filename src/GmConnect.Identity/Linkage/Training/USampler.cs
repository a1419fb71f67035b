using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Linkage.Training;

/// <summary>
/// Estimates u, the level probabilities among non-matching pairs, from pairs of records drawn at random
/// (almost all of which are non-matches). Deterministic for a seed: pairs are drawn in fixed chunks, each
/// with its own generator, and the counts added, so threads do not change the result. The exact level's u
/// is computed from value frequencies instead, which is exact and needs no sampling.
/// </summary>
internal static class USampler
{
    private const int ChunkSize = 10_000;
    private const int ChunksPerRound = 4;
    private const int EnoughPerLevel = 30;
    private const double Rare = 3e-4;

    /// <summary>
    /// Samples up to <paramref name="maxPairs"/> random pairs in rounds; a comparison stops being sampled
    /// once every level has been seen <c>30</c> times or is rarer than 3 in 10,000 (its u is then small and
    /// known well enough). Rounds have a fixed size, so the stopping point does not depend on threads.
    /// </summary>
    public static double[][] Estimate(PreparedRecords records, LinkType linkType, int maxPairs, int seed, out long sampled)
    {
        var comparisons = records.Comparisons;
        var n = records.Count;
        var crossSource = linkType == LinkType.LinkOnly && records.SourceCount > 1;
        var totals = comparisons.Select(c => new long[c.LevelCount]).ToArray();
        var pairsSeen = new long[comparisons.Length];
        var active = Enumerable.Repeat(true, comparisons.Length).ToArray();
        var exactKnown = comparisons.Select(c => c.ExactLevel == 1).ToArray();
        // With fewer than two records there is no pair to draw: every level keeps its half-count floor.
        var chunks = n < 2 ? 0 : (maxPairs + ChunkSize - 1) / ChunkSize;
        sampled = 0;
        for (var round = 0; round * ChunksPerRound < chunks && active.Any(a => a); round++)
        {
            var first = round * ChunksPerRound;
            var last = Math.Min(chunks, first + ChunksPerRound);
            var roundCounts = new long[last - first][][];
            var activeNow = comparisons.Where(c => active[c.Index]).ToArray();
            Parallel.For(first, last, k =>
            {
                var random = new Random(unchecked((seed * 7919) + k));
                var local = comparisons.Select(c => new long[c.LevelCount]).ToArray();
                var want = Math.Min(ChunkSize, maxPairs - (k * ChunkSize));
                var attempts = 0;
                for (var drawn = 0; drawn < want && attempts < want * 50; attempts++)
                {
                    var a = random.Next(n);
                    var b = random.Next(n);
                    if (a == b || (crossSource && records.SourceOf[a] == records.SourceOf[b]))
                    {
                        continue;
                    }

                    foreach (var c in activeNow)
                    {
                        local[c.Index][c.Level(records.Columns, a, b)]++;
                    }

                    drawn++;
                }

                roundCounts[k - first] = local;
            });

            foreach (var local in roundCounts)
            {
                var drawnInChunk = local.Length > 0 && activeNow.Length > 0 ? local[activeNow[0].Index].Sum() : 0;
                sampled += drawnInChunk;
                foreach (var c in activeNow)
                {
                    pairsSeen[c.Index] += drawnInChunk;
                    for (var l = 0; l < local[c.Index].Length; l++)
                    {
                        totals[c.Index][l] += local[c.Index][l];
                    }
                }
            }

            foreach (var c in activeNow)
            {
                var t = totals[c.Index];
                var seen = pairsSeen[c.Index];
                var done = true;
                for (var l = 1; l < t.Length && done; l++)
                {
                    if (l == 1 && exactKnown[c.Index])
                    {
                        continue;
                    }

                    done = t[l] >= EnoughPerLevel || (t[l] + 1.0) / seen < Rare;
                }

                active[c.Index] = !done;
            }
        }

        var u = new double[comparisons.Length][];
        for (var c = 0; c < comparisons.Length; c++)
        {
            u[c] = Normalise(comparisons[c], totals[c], ExactU(records, c, crossSource));
        }

        return u;
    }

    // Levels never seen in the sample get half a count, so that no weight is infinite.
    private static double[] Normalise(Comparison comparison, long[] counts, double? exact)
    {
        var u = new double[counts.Length];
        var nonNull = 0.0;
        for (var l = 1; l < counts.Length; l++)
        {
            u[l] = Math.Max(counts[l], 0.5);
            nonNull += u[l];
        }

        for (var l = 1; l < counts.Length; l++)
        {
            u[l] /= nonNull;
        }

        if (exact is { } e && comparison.ExactLevel == 1 && e > 0)
        {
            // The exact level is first, so its pairs are exactly those with equal values: replace its
            // sampled u by the computed one and rescale the rest to fill the remainder.
            var rest = 1.0 - u[1];
            var target = Math.Min(e, 0.999);
            for (var l = 2; l < counts.Length; l++)
            {
                u[l] = rest > 0 ? u[l] * (1 - target) / rest : (1 - target) / (counts.Length - 2);
            }

            u[1] = target;
        }

        return u;
    }

    /// <summary>Probability that two random non-null values (from different records, or sources for link-only) are equal.</summary>
    private static double? ExactU(PreparedRecords records, int c, bool crossSource)
    {
        var values = records.Columns[c].Values;
        if (!crossSource)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            long nonNull = 0;
            foreach (var v in values)
            {
                if (v is not null)
                {
                    nonNull++;
                    counts[v] = counts.GetValueOrDefault(v) + 1;
                }
            }

            if (nonNull < 2)
            {
                return null;
            }

            double same = counts.Values.Sum(x => (double)x * (x - 1));
            return same / ((double)nonNull * (nonNull - 1));
        }

        var bySource = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var perSource = new long[records.SourceCount];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }

            if (!bySource.TryGetValue(v, out var arr))
            {
                arr = new long[records.SourceCount];
                bySource.Add(v, arr);
            }

            arr[records.SourceOf[i]]++;
            perSource[records.SourceOf[i]]++;
        }

        double totalPairs = Square(perSource.Sum()) - perSource.Sum(x => Square(x));
        if (totalPairs <= 0)
        {
            return null;
        }

        double equalPairs = bySource.Values.Sum(arr => Square(arr.Sum()) - arr.Sum(x => Square(x)));
        return equalPairs / totalPairs;
    }

    private static double Square(long x) => (double)x * x;
}
