using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Linkage.Clustering;

/// <summary>
/// Clusters linked pairs without chaining (ADR 0003). Links are taken strongest first; a link at a veto
/// level (e.g. different first names) is refused outright; any other link merges
/// its two clusters unless the merged cluster would hold two different valid identifiers of one kind,
/// two records of one duplicate-free source, a cannot-link pair, or any pair of records that, scored
/// directly, is a confident non-match or falls in a veto level (probability below <see cref="ClusteringSettings.RejectBelow"/>).
/// Connected components would accept every link; this accepts a link only if the whole merged
/// cluster is still plausibly one person.
/// </summary>
internal sealed class ConstrainedClusterer
{
    private readonly PreparedRecords _records;
    private readonly PairScorer _scorer;
    private readonly ClusteringSettings _settings;
    private readonly int[] _identifierComparisons;
    private readonly int[] _vetoComparisons;

    public ConstrainedClusterer(PreparedRecords records, PairScorer scorer, ClusteringSettings settings)
    {
        _records = records;
        _scorer = scorer;
        _settings = settings;
        _identifierComparisons = [.. records.Comparisons.Where(c => c.Settings.Identifier is not null).Select(c => c.Index)];
        _vetoComparisons = [.. records.Comparisons.Where(c => c.HasVeto).Select(c => c.Index)];
    }

    public ClusteringResult Cluster(
        int[] left,
        int[] right,
        ulong[] gammas,
        float[] weights,
        int count,
        double threshold,
        IReadOnlyCollection<(int A, int B)>? cannotLink = null)
    {
        var n = _records.Count;
        var minWeight = PairScorer.WeightOf(threshold);
        var rejectWeight = _settings.RejectBelow <= 0 ? double.NegativeInfinity : PairScorer.WeightOf(_settings.RejectBelow);

        var links = new List<int>();
        for (var p = 0; p < count; p++)
        {
            if (weights[p] >= minWeight)
            {
                links.Add(p);
            }
        }

        // Strongest first; ties broken by record indices so that the result does not depend on pair order.
        var ordered = links.ToArray();
        Array.Sort(ordered, (x, y) =>
        {
            var c = weights[y].CompareTo(weights[x]);
            if (c != 0)
            {
                return c;
            }

            c = left[x].CompareTo(left[y]);
            return c != 0 ? c : right[x].CompareTo(right[y]);
        });

        var parent = new int[n];
        var members = new List<int>?[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        // The one valid identifier of each kind a cluster holds, if any.
        var identifiers = _identifierComparisons.Select(c =>
        {
            var col = _records.Columns[c];
            return Enumerable.Range(0, n).Select(i => col.ValidIdentifier![i] ? col.Values[i] : null).ToArray();
        }).ToArray();
        var forbidden = new Dictionary<int, List<int>>();
        foreach (var (a, b) in cannotLink ?? [])
        {
            (forbidden.TryGetValue(a, out var la) ? la : forbidden[a] = []).Add(b);
            (forbidden.TryGetValue(b, out var lb) ? lb : forbidden[b] = []).Add(a);
        }

        int merges = 0, refusedVeto = 0, refusedId = 0, refusedSource = 0, refusedCannot = 0, refusedWeak = 0;
        foreach (var p in ordered)
        {
            var ra = Find(parent, left[p]);
            var rb = Find(parent, right[p]);
            if (ra == rb)
            {
                continue;
            }

            if (IsVetoed(gammas[p]))
            {
                refusedVeto++;
                continue;
            }

            var ma = members[ra] ?? [ra];
            var mb = members[rb] ?? [rb];
            if (ConflictingIdentifiers(identifiers, ra, rb))
            {
                refusedId++;
                continue;
            }

            if (_settings.OneRecordPerSource && SharesSource(ma, mb))
            {
                refusedSource++;
                continue;
            }

            if (forbidden.Count > 0 && CannotLink(forbidden, parent, ma, rb))
            {
                refusedCannot++;
                continue;
            }

            if (ma.Count * mb.Count > 1 && HasConfidentNonMatch(ma, mb, rejectWeight))
            {
                refusedWeak++;
                continue;
            }

            // Merge the smaller into the larger.
            if (ma.Count < mb.Count)
            {
                (ra, rb) = (rb, ra);
                (ma, mb) = (mb, ma);
            }

            parent[rb] = ra;
            ma.AddRange(mb);
            members[ra] = ma;
            members[rb] = null;
            foreach (var ids in identifiers)
            {
                ids[ra] ??= ids[rb];
            }

            merges++;
        }

        var clusterOf = new int[n];
        var number = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            if (!number.TryGetValue(root, out var id))
            {
                id = number.Count;
                number.Add(root, id);
            }

            clusterOf[i] = id;
        }

        return new ClusteringResult(clusterOf, number.Count, links.Count, merges, refusedVeto, refusedId, refusedSource, refusedCannot, refusedWeak);
    }

    private bool IsVetoed(ulong gamma)
    {
        foreach (var c in _vetoComparisons)
        {
            if (_records.Comparisons[c].IsVeto(ComparisonVectors.LevelOf(gamma, c)))
            {
                return true;
            }
        }

        return false;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static bool ConflictingIdentifiers(string?[][] identifiers, int ra, int rb)
    {
        foreach (var ids in identifiers)
        {
            var x = ids[ra];
            var y = ids[rb];
            if (x is not null && y is not null && !string.Equals(x, y, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool SharesSource(List<int> a, List<int> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (_records.SourceOf[x] == _records.SourceOf[y])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CannotLink(Dictionary<int, List<int>> forbidden, int[] parent, List<int> a, int rootB)
    {
        foreach (var x in a)
        {
            if (forbidden.TryGetValue(x, out var partners) && partners.Any(y => Find(parent, y) == rootB))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasConfidentNonMatch(List<int> a, List<int> b, double rejectWeight)
    {
        if (double.IsNegativeInfinity(rejectWeight) && _vetoComparisons.Length == 0)
        {
            return false;
        }

        var checkedPairs = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (checkedPairs++ >= _settings.MaxCrossPairs)
                {
                    return false;
                }

                var lo = Math.Min(x, y);
                var gamma = ComparisonVectors.Compute(_records, lo, Math.Max(x, y));
                if (IsVetoed(gamma) || _scorer.Weight(gamma, lo) < rejectWeight)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
