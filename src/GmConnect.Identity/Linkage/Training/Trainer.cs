using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Linkage.Training;

/// <summary>
/// Unsupervised training: u by random sampling, then one EM session per blocking rule on that rule's
/// candidate pairs (comparisons the rule blocks on are not trained there), m averaged over the sessions
/// that trained it, and the prior from each session's match count divided by the rule's estimated recall.
/// Optionally, m and u from labelled pairs instead.
/// </summary>
internal static class Trainer
{
    public static ModelParameters Train(
        LinkageSettings settings,
        PreparedRecords records,
        Blocker blocker,
        CandidatePairs pairs,
        ulong[] gammas)
    {
        var comparisons = records.Comparisons;
        var training = settings.Training;
        var u = USampler.Estimate(records, settings.LinkType, training.UMaxPairs, training.Seed, out var sampled);
        ApplyFixed(comparisons, u, fixedM: false);
        var fixedM = comparisons.Select(c => Enumerable.Range(0, c.LevelCount).Select(l => c.LevelSettings(l)?.FixedM is not null).ToArray()).ToArray();

        var patterns = ComparisonVectors.Patterns(gammas, pairs.Rules, pairs.Count);
        var sessions = training.EmBlockingRules ?? [.. Enumerable.Range(0, blocker.RuleCount)];
        var byRule = blocker.ComparisonsByRule;
        var sums = comparisons.Select(c => new double[c.LevelCount]).ToArray();
        var trainedCount = new int[comparisons.Length];
        var sessionMatches = new List<(int Rule, double Matches, double[] RecallOfOtherRules)>();
        var iterations = new List<int>();
        foreach (var rule in sessions)
        {
            var bit = (ushort)(1 << rule);
            var sessionPatterns = patterns.Where(kv => (kv.Key.Rules & bit) != 0)
                .GroupBy(kv => kv.Key.Gamma)
                .Select(g => (g.Key, g.Sum(kv => kv.Value)))
                .ToArray();
            var rulesOfPattern = patterns.Where(kv => (kv.Key.Rules & bit) != 0).ToArray();
            if (sessionPatterns.Length == 0)
            {
                continue;
            }

            var active = comparisons.Select(c => !byRule[rule].Contains(c.Name)).ToArray();
            var m = InitialM(comparisons);
            var em = new ExpectationMaximisation(sessionPatterns, active, u, fixedM);
            em.Run(m, 0.1, training.EmMaxIterations, training.EmTolerance);
            iterations.Add(em.Iterations);
            for (var c = 0; c < comparisons.Length; c++)
            {
                if (!active[c])
                {
                    continue;
                }

                trainedCount[c]++;
                for (var l = 1; l < m[c].Length; l++)
                {
                    sums[c][l] += m[c][l];
                }
            }

            // Share of this session's expected matches that each other rule also finds: its recall estimate.
            var posteriorByGamma = new Dictionary<ulong, double>();
            for (var p = 0; p < sessionPatterns.Length; p++)
            {
                posteriorByGamma[sessionPatterns[p].Key] = em.Posterior[p];
            }

            var recall = new double[blocker.RuleCount];
            var expectedMatches = 0.0;
            foreach (var kv in rulesOfPattern)
            {
                var w = posteriorByGamma[kv.Key.Gamma] * kv.Value;
                expectedMatches += w;
                for (var q = 0; q < blocker.RuleCount; q++)
                {
                    if ((kv.Key.Rules & (1 << q)) != 0)
                    {
                        recall[q] += w;
                    }
                }
            }

            for (var q = 0; q < recall.Length; q++)
            {
                recall[q] = expectedMatches > 0 ? recall[q] / expectedMatches : 0;
            }

            sessionMatches.Add((rule, expectedMatches, recall));
        }

        var finalM = InitialM(comparisons);
        for (var c = 0; c < comparisons.Length; c++)
        {
            if (trainedCount[c] == 0)
            {
                continue;
            }

            for (var l = 1; l < finalM[c].Length; l++)
            {
                finalM[c][l] = sums[c][l] / trainedCount[c];
            }
        }

        ApplyFixed(comparisons, finalM, fixedM: true);
        var prior = training.ProbabilityTwoRandomRecordsMatch
            ?? EstimatePrior(settings.LinkType, records, sessionMatches, comparisons, finalM, byRule);
        var labels = comparisons.Select(c => Enumerable.Range(0, c.LevelCount).Select(c.LevelLabel).ToArray()).ToArray();
        return new ModelParameters(prior, [.. comparisons.Select(c => c.Name)], labels, finalM, u)
        {
            EmIterations = iterations,
            USampledPairs = sampled,
        };
    }

    /// <summary>m and u counted from pairs whose match status is known (u still by random sampling when no non-matches are given).</summary>
    public static ModelParameters TrainFromLabels(
        LinkageSettings settings,
        PreparedRecords records,
        IReadOnlyList<(int A, int B, bool Match)> labelled,
        long totalPairs,
        long truePairs)
    {
        var comparisons = records.Comparisons;
        var m = comparisons.Select(c => new double[c.LevelCount]).ToArray();
        var nonMatch = comparisons.Select(c => new double[c.LevelCount]).ToArray();
        var anyNonMatch = false;
        foreach (var (a, b, match) in labelled)
        {
            anyNonMatch |= !match;
            for (var c = 0; c < comparisons.Length; c++)
            {
                var level = comparisons[c].Level(records.Columns, a, b);
                (match ? m : nonMatch)[c][level]++;
            }
        }

        long sampled = 0;
        var u = anyNonMatch
            ? nonMatch.Select(Smooth).ToArray()
            : USampler.Estimate(records, settings.LinkType, settings.Training.UMaxPairs, settings.Training.Seed, out sampled);
        var finalM = m.Select(Smooth).ToArray();
        ApplyFixed(comparisons, finalM, fixedM: true);
        ApplyFixed(comparisons, u, fixedM: false);
        var prior = settings.Training.ProbabilityTwoRandomRecordsMatch ?? Math.Clamp((double)truePairs / Math.Max(1, totalPairs), 1e-12, 0.5);
        var labels = comparisons.Select(c => Enumerable.Range(0, c.LevelCount).Select(c.LevelLabel).ToArray()).ToArray();
        return new ModelParameters(prior, [.. comparisons.Select(c => c.Name)], labels, finalM, u) { USampledPairs = sampled };
    }

    private static double[] Smooth(double[] counts)
    {
        var result = new double[counts.Length];
        var total = 0.0;
        for (var l = 1; l < counts.Length; l++)
        {
            result[l] = Math.Max(counts[l], 0.5);
            total += result[l];
        }

        for (var l = 1; l < counts.Length; l++)
        {
            result[l] /= total;
        }

        return result;
    }

    /// <summary>Starting m: most matches at the first level, fewer at each later one, few at "else".</summary>
    internal static double[][] InitialM(Comparison[] comparisons)
    {
        var m = new double[comparisons.Length][];
        for (var c = 0; c < comparisons.Length; c++)
        {
            var count = comparisons[c].LevelCount;
            m[c] = new double[count];
            var total = 0.0;
            for (var l = 1; l < count; l++)
            {
                m[c][l] = l == count - 1 ? 0.05 : Math.Pow(0.35, l - 1);
                total += m[c][l];
            }

            for (var l = 1; l < count; l++)
            {
                m[c][l] /= total;
            }
        }

        ApplyFixed(comparisons, m, fixedM: true);
        return m;
    }

    // Fixed values from the settings replace estimates; the free levels are rescaled so that each row sums to 1.
    private static void ApplyFixed(Comparison[] comparisons, double[][] values, bool fixedM)
    {
        for (var c = 0; c < comparisons.Length; c++)
        {
            var row = values[c];
            double fixedShare = 0, freeShare = 0;
            var any = false;
            for (var l = 1; l < row.Length; l++)
            {
                var level = comparisons[c].LevelSettings(l);
                var f = fixedM ? level?.FixedM : level?.FixedU;
                if (f is { } v)
                {
                    row[l] = v;
                    fixedShare += v;
                    any = true;
                }
                else
                {
                    freeShare += row[l];
                }
            }

            if (!any || freeShare <= 0)
            {
                continue;
            }

            var scale = Math.Max(1 - fixedShare, 1e-9) / freeShare;
            for (var l = 1; l < row.Length; l++)
            {
                var level = comparisons[c].LevelSettings(l);
                if ((fixedM ? level?.FixedM : level?.FixedU) is null)
                {
                    row[l] = Math.Max(row[l] * scale, 1e-9);
                }
            }
        }
    }

    private static double EstimatePrior(
        LinkType linkType,
        PreparedRecords records,
        List<(int Rule, double Matches, double[] RecallOfOtherRules)> sessions,
        Comparison[] comparisons,
        double[][] m,
        IReadOnlyList<HashSet<string>> byRule)
    {
        var totalPairs = TotalPairs(linkType, records);
        var estimates = new List<double>();
        foreach (var (rule, matches, _) in sessions)
        {
            // Recall of this rule, as seen from the other sessions; without others, from m of the exact levels it blocks on.
            var others = sessions.Where(s => s.Rule != rule).Select(s => s.RecallOfOtherRules[rule]).Where(r => r > 0).ToList();
            var recall = others.Count > 0
                ? others.Average()
                : comparisons.Where(c => byRule[rule].Contains(c.Name)).Select(c => c.ExactLevel > 0 ? m[c.Index][c.ExactLevel] : 1.0).Aggregate(1.0, (x, y) => x * y);
            if (recall > 0.01 && matches > 0)
            {
                estimates.Add(matches / recall);
            }
        }

        if (estimates.Count == 0 || totalPairs <= 0)
        {
            return 1e-4;
        }

        estimates.Sort();
        var median = estimates[estimates.Count / 2];
        return Math.Clamp(median / totalPairs, 1e-12, 0.5);
    }

    internal static double TotalPairs(LinkType linkType, PreparedRecords records)
    {
        double n = records.Count;
        if (linkType != LinkType.LinkOnly || records.SourceCount < 2)
        {
            return n * (n - 1) / 2;
        }

        var perSource = new double[records.SourceCount];
        foreach (var s in records.SourceOf)
        {
            perSource[s]++;
        }

        return ((n * n) - perSource.Sum(x => x * x)) / 2;
    }
}
