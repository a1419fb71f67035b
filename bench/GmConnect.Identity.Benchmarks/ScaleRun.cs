using System.Diagnostics;
using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// End-to-end run of the engine on <see cref="SyntheticPeople"/>: generation is not timed; prepare,
/// blocking, comparing, training, scoring and clustering are. Prints records/s, peak memory, accuracy and
/// whether any twins or fathers and sons were merged.
/// </summary>
internal static class ScaleRun
{
    public static void Run(int people, string settingsPath)
    {
        var (table, truth) = new SyntheticPeople(seed: 1).Generate(people, out var hardPairs);
        Console.WriteLine($"people {people:N0}, records {table.Count:N0}, hard pairs (twins, father/son) {hardPairs.Count:N0}");
        var settings = LinkageSettings.Load(settingsPath);
        var watch = Stopwatch.StartNew();
        var result = new LinkageEngine(settings).Run(table);
        var elapsed = watch.Elapsed;
        foreach (var step in result.Steps)
        {
            Console.WriteLine($"  {step.Step,-12} {step.Elapsed.TotalSeconds,8:F2} s");
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"engine total {elapsed.TotalSeconds:F2} s, {table.Count / elapsed.TotalSeconds:N0} records/s, candidate pairs {result.CandidatePairCount:N0}, peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB");
        var evaluation = LinkageEvaluation.Evaluate(truth, result.Clustering.ClusterOf, [.. Enumerable.Range(0, table.Count).Select(table.SourceOf)], false, result.Pairs(result.Threshold));
        Console.WriteLine($"pairwise (clusters) precision {evaluation.ClusterPairs.Precision:F5} recall {evaluation.ClusterPairs.Recall:F5} F1 {evaluation.ClusterPairs.F1:F5}");
        Console.WriteLine($"links               precision {evaluation.Links.Precision:F5} recall {evaluation.Links.Recall:F5}");
        var clusterOfPerson = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < truth.Length; i++)
        {
            (clusterOfPerson.TryGetValue(truth[i], out var set) ? set : clusterOfPerson[truth[i]] = []).Add(result.Clustering.ClusterOf[i]);
        }

        var joined = hardPairs.Count(h => clusterOfPerson[h.Item1].Overlaps(clusterOfPerson[h.Item2]));
        Console.WriteLine($"clusters joining twins or father and son: {joined}");
        // Where the missed true pairs are lost: never a candidate, scored below the threshold, or refused by clustering.
        var truePairs = Enumerable.Range(0, truth.Length).GroupBy(i => truth[i]).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        long candidates = 0, aboveThreshold = 0;
        foreach (var pair in result.Pairs())
        {
            if (truth[pair.Left] == truth[pair.Right])
            {
                candidates++;
                if (pair.MatchProbability >= result.Threshold)
                {
                    aboveThreshold++;
                }
            }
        }

        Console.WriteLine($"true pairs {truePairs:N0}: candidates {candidates:N0} ({(double)candidates / truePairs:P2}), at or above threshold {aboveThreshold:N0} ({(double)aboveThreshold / truePairs:P2}); refused links: veto {result.Clustering.RefusedVeto:N0}, identifier {result.Clustering.RefusedConflictingIdentifier:N0}, non-match inside {result.Clustering.RefusedNonMatchInside:N0}");
        if (Environment.GetEnvironmentVariable("GMC_SCALE_SHOW_JOINS") is not null)
        {
            // Synthetic data only: show why a few hard pairs were joined.
            var hard = hardPairs.Where(h => clusterOfPerson[h.Item1].Overlaps(clusterOfPerson[h.Item2])).Take(4).ToList();
            foreach (var (x, y) in hard)
            {
                var cross = result.Pairs(result.Threshold).FirstOrDefault(p =>
                    (truth[p.Left] == x && truth[p.Right] == y) || (truth[p.Left] == y && truth[p.Right] == x));
                if (cross != default)
                {
                    Console.WriteLine(result.Explain(cross.Left, cross.Right).ToText());
                }
            }
        }
        Console.WriteLine(result.Model.ToString());
    }
}
