using GmConnect.Identity.Linkage.Scoring;

namespace GmConnect.Identity.Linkage.Evaluation;

/// <summary>
/// Accuracy against a truth (the true person of each record): pairwise precision/recall/F1 of the
/// links scored at or above the threshold, of the pairs implied by the clusters, and exact-cluster
/// precision/recall. For link-only runs only pairs across sources count.
/// </summary>
public sealed class LinkageEvaluation
{
    private LinkageEvaluation(AccuracyFigures links, AccuracyFigures clusterPairs, AccuracyFigures clusters)
    {
        Links = links;
        ClusterPairs = clusterPairs;
        Clusters = clusters;
    }

    /// <summary>Scored pairs at or above the threshold against true pairs.</summary>
    public AccuracyFigures Links { get; }

    /// <summary>Pairs inside predicted clusters against true pairs (the usual pairwise measure).</summary>
    public AccuracyFigures ClusterPairs { get; }

    /// <summary>Predicted clusters equal to a true cluster (precision: of predicted; recall: of true).</summary>
    public AccuracyFigures Clusters { get; }

    /// <summary>Evaluates predicted clusters and links against a truth.</summary>
    /// <param name="truth">True person key of each record; null for a record missing from the truth (it counts as a person of its own).</param>
    /// <param name="clusterOf">Predicted cluster of each record.</param>
    /// <param name="sourceOf">Source of each record.</param>
    /// <param name="crossSourceOnly">Count only pairs whose records come from different sources.</param>
    /// <param name="links">Pairs predicted as links.</param>
    public static LinkageEvaluation Evaluate(
        IReadOnlyList<string?> truth,
        IReadOnlyList<int> clusterOf,
        IReadOnlyList<string> sourceOf,
        bool crossSourceOnly,
        IEnumerable<ScoredPair> links)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(clusterOf);
        ArgumentNullException.ThrowIfNull(sourceOf);
        ArgumentNullException.ThrowIfNull(links);
        var n = truth.Count;
        var truthKeys = new string[n];
        for (var i = 0; i < n; i++)
        {
            truthKeys[i] = truth[i] ?? "\u0000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var actual = CountPairs(Enumerable.Range(0, n).GroupBy(i => truthKeys[i]), sourceOf, crossSourceOnly);
        var predicted = CountPairs(Enumerable.Range(0, n).GroupBy(i => clusterOf[i].ToString(System.Globalization.CultureInfo.InvariantCulture)), sourceOf, crossSourceOnly);
        var both = CountPairs(Enumerable.Range(0, n).GroupBy(i => (clusterOf[i], truthKeys[i])), sourceOf, crossSourceOnly);

        long linkCount = 0, linkTrue = 0;
        foreach (var pair in links)
        {
            linkCount++;
            if (string.Equals(truthKeys[pair.Left], truthKeys[pair.Right], StringComparison.Ordinal))
            {
                linkTrue++;
            }
        }

        // Exact clusters: a predicted cluster is right when its members are exactly one true person's records.
        var truthSize = truthKeys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var predictedClusters = Enumerable.Range(0, n).GroupBy(i => clusterOf[i]).ToList();
        var exact = predictedClusters.Count(g =>
        {
            var key = truthKeys[g.First()];
            return g.All(i => truthKeys[i] == key) && truthSize[key] == g.Count();
        });

        return new LinkageEvaluation(
            new AccuracyFigures(linkTrue, linkCount, actual),
            new AccuracyFigures(both, predicted, actual),
            new AccuracyFigures(exact, predictedClusters.Count, truthSize.Count));
    }

    private static long CountPairs<TKey>(IEnumerable<IGrouping<TKey, int>> groups, IReadOnlyList<string> sourceOf, bool crossSourceOnly)
    {
        long total = 0;
        foreach (var g in groups)
        {
            long size = g.Count();
            if (!crossSourceOnly)
            {
                total += size * (size - 1) / 2;
                continue;
            }

            long sameSource = g.GroupBy(i => sourceOf[i], StringComparer.Ordinal).Sum(s => (long)s.Count() * (s.Count() - 1) / 2);
            total += (size * (size - 1) / 2) - sameSource;
        }

        return total;
    }
}
