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
    /// <summary>Rule 12 looks for rivals among all records of one postcode or phone only when at most this many share it.</summary>
    private const int MaxHouseholdGroup = 100;

    private readonly PreparedRecords _records;
    private readonly PairScorer _scorer;
    private readonly ClusteringSettings _settings;
    private readonly int[] _identifierComparisons;
    private readonly int[] _vetoComparisons;
    private readonly SourceAgeWindows? _ages;
    private readonly int[] _householdComparisons;

    public ConstrainedClusterer(PreparedRecords records, PairScorer scorer, ClusteringSettings settings, SourceAgeWindows? ages = null)
    {
        _records = records;
        _ages = ages;
        _scorer = scorer;
        _settings = settings;
        _identifierComparisons = [.. records.Comparisons.Where(c => c.Settings.Identifier is not null).Select(c => c.Index)];
        _vetoComparisons = [.. records.Comparisons.Where(c => c.HasVeto).Select(c => c.Index)];
        _householdComparisons = [.. records.Comparisons.Where(c => settings.HouseholdComparisons.Contains(c.Name) && c.ExactLevel > 0).Select(c => c.Index)];
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

        var withheld = _settings.AmbiguityMargin is { } margin
            ? AmbiguousLinks(left, right, gammas, weights, count, minWeight, links, margin, rejectWeight)
            : null;
        var refusedAmbiguous = 0;

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
        var outcomes = new LinkOutcome[count];
        foreach (var p in ordered)
        {
            var ra = Find(parent, left[p]);
            var rb = Find(parent, right[p]);
            if (ra == rb)
            {
                outcomes[p] = LinkOutcome.AlreadyTogether;
                continue;
            }

            if (IsVetoed(gammas[p]) || AgeConflict(left[p], right[p]))
            {
                outcomes[p] = LinkOutcome.Veto;
                refusedVeto++;
                continue;
            }

            if (withheld is not null && withheld[p])
            {
                outcomes[p] = LinkOutcome.Ambiguous;
                refusedAmbiguous++;
                continue;
            }

            var ma = members[ra] ?? [ra];
            var mb = members[rb] ?? [rb];
            if (ConflictingIdentifiers(identifiers, ra, rb) && !IdentifierConflictLifted(gammas[p]))
            {
                outcomes[p] = LinkOutcome.ConflictingIdentifier;
                refusedId++;
                continue;
            }

            if (_settings.OneRecordPerSource && SharesSource(ma, mb))
            {
                outcomes[p] = LinkOutcome.SameSource;
                refusedSource++;
                continue;
            }

            if (forbidden.Count > 0 && CannotLink(forbidden, parent, ma, rb))
            {
                outcomes[p] = LinkOutcome.CannotLink;
                refusedCannot++;
                continue;
            }

            if (ma.Count * mb.Count > 1 && HasConfidentNonMatch(ma, mb, rejectWeight))
            {
                outcomes[p] = LinkOutcome.NonMatchInside;
                refusedWeak++;
                continue;
            }

            outcomes[p] = LinkOutcome.Merged;

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

        return new ClusteringResult(clusterOf, number.Count, links.Count, merges, refusedVeto, refusedId, refusedSource, refusedCannot, refusedWeak)
        {
            RefusedAmbiguous = refusedAmbiguous,
            Outcomes = outcomes,
        };
    }

    private bool IsVetoed(ulong gamma)
    {
        foreach (var c in _vetoComparisons)
        {
            if (_records.Comparisons[c].IsVeto(ComparisonVectors.LevelOf(gamma, c), gamma, _records.Comparisons))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The pair's identifiers differ, but its veto on that is lifted (<c>veto_unless_exact</c>: alike in every other
    /// respect named): the clusters it joins may then hold two numbers of that kind (ADR 0003, rule 9).
    /// </summary>
    private bool IdentifierConflictLifted(ulong gamma)
    {
        foreach (var c in _identifierComparisons)
        {
            var comparison = _records.Comparisons[c];
            var level = ComparisonVectors.LevelOf(gamma, c);
            if (comparison.IsVeto(level) && !comparison.IsVeto(level, gamma, _records.Comparisons))
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

                if (Incompatible(x, y, rejectWeight))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether two records cannot be one person: scored directly they fall in a veto level or below the
    /// confident-non-match weight. Two records that carry the same valid identifier are never incompatible
    /// here: the identifier outweighs a name that drifted (a nickname in one record, a slip in another).
    /// The link that merges two clusters must still pass its own vetoes.
    /// </summary>
    private bool Incompatible(int x, int y, double rejectWeight)
    {
        var lo = Math.Min(x, y);
        var hi = Math.Max(x, y);
        if (ShareValidIdentifier(lo, hi))
        {
            return false;
        }

        if (AgeConflict(lo, hi))
        {
            return true;
        }

        var gamma = ComparisonVectors.Compute(_records, lo, hi);
        return IsVetoed(gamma) || _scorer.Weight(gamma, lo) < rejectWeight;
    }

    /// <summary>Rule 11: one record's date of birth lies outside the ages the other record's source holds.</summary>
    private bool AgeConflict(int x, int y) => _ages is not null && _ages.Conflict(x, y);

    private bool ShareValidIdentifier(int x, int y)
    {
        foreach (var c in _identifierComparisons)
        {
            var col = _records.Columns[c];
            if (col.ValidIdentifier![x] && col.ValidIdentifier[y] && string.Equals(col.Values[x], col.Values[y], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether record <paramref name="r"/> lacks the very values that keep <paramref name="x"/> and <paramref name="y"/>
    /// apart: every comparison whose veto level they fall in is one for which <paramref name="r"/> has no value, and
    /// one of them is not an identifier (records without a number are the rule, not a sign). A father and son of one
    /// name and address are told apart only by the date of birth; a record of one of them without a date of birth has
    /// no evidence for either side, however much stronger one link is: its other fields (the address, the phone) are
    /// the household's, shared by both.
    /// </summary>
    private bool BlindTo(int r, int x, int y)
    {
        var gamma = ComparisonVectors.Compute(_records, Math.Min(x, y), Math.Max(x, y));
        var blind = false;
        foreach (var c in _vetoComparisons)
        {
            if (!_records.Comparisons[c].IsVeto(ComparisonVectors.LevelOf(gamma, c), gamma, _records.Comparisons))
            {
                continue;
            }

            if (_records.Columns[c].Values[r] is not null)
            {
                return false;
            }

            blind |= _records.Comparisons[c].Settings.Identifier is null;
        }

        return blind;
    }

    /// <summary>
    /// For rule 12: whether a value that record <paramref name="r"/> does hold already tells <paramref name="x"/> from
    /// <paramref name="y"/>: it agrees with them at levels of different weight, one of which is evidence against. The
    /// household comparisons do not count (they are what makes the rival a rival, and a household shares them). A record
    /// without a given name but with its date of birth is not blind between its own person and a sibling two years apart,
    /// nor between twins of different sex when it records the sex; a record without a date of birth is blind between a
    /// father and a son, even if one of their records spells the name with a slip (a slip is still evidence for).
    /// </summary>
    private bool Separates(int r, int x, int y)
    {
        var gx = ComparisonVectors.Compute(_records, Math.Min(r, x), Math.Max(r, x));
        var gy = ComparisonVectors.Compute(_records, Math.Min(r, y), Math.Max(r, y));
        for (var c = 0; c < _records.Comparisons.Length; c++)
        {
            if (_records.Columns[c].Values[r] is null || Array.IndexOf(_householdComparisons, c) >= 0)
            {
                continue;
            }

            var wx = _scorer.LevelWeight(c, ComparisonVectors.LevelOf(gx, c));
            var wy = _scorer.LevelWeight(c, ComparisonVectors.LevelOf(gy, c));
            if (wx != wy && Math.Min(wx, wy) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The links to withhold because the record they start from is ambiguous: it links to two records that
    /// cannot be one person (a father and a son of the same name at one address, and a record of one of them
    /// without a date of birth; twins whose names are variants of one another). Unless one of the two links is
    /// stronger by at least <paramref name="margin"/> (log2 units), every link of the record is withheld and the
    /// record is left for a person to place; otherwise the weaker of the two is withheld.
    /// Strongest-first merging alone would put the record with whichever came first.
    /// </summary>
    private bool[] AmbiguousLinks(
        int[] left, int[] right, ulong[] gammas, float[] weights, int count, double minWeight, List<int> links, double margin, double rejectWeight)
    {
        var n = _records.Count;
        var withheld = new bool[weights.Length];
        var (rivalStart, rivals) = HouseholdRivals(left, right, gammas, weights, count, minWeight, rejectWeight);
        var degree = new int[n + 1];
        var usable = new List<int>(links.Count);
        foreach (var p in links)
        {
            if (!IsVetoed(gammas[p]) && !AgeConflict(left[p], right[p]))
            {
                usable.Add(p);
                degree[left[p] + 1]++;
                degree[right[p] + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            degree[i + 1] += degree[i];
        }

        var start = degree;
        var fill = new int[n];
        var incident = new int[usable.Count * 2];
        foreach (var p in usable)
        {
            incident[start[left[p]] + fill[left[p]]++] = p;
            incident[start[right[p]] + fill[right[p]]++] = p;
        }

        Parallel.For(0, (n + 4095) / 4096, block =>
        {
            var end = Math.Min(n, (block + 1) * 4096);
            for (var r = block * 4096; r < end; r++)
            {
                var from = start[r];
                var to = Math.Min(start[r + 1], from + 32);
                for (var i = from; i < to; i++)
                {
                    var pi = incident[i];
                    var si = left[pi] == r ? right[pi] : left[pi];
                    for (var j = i + 1; j < to; j++)
                    {
                        var pj = incident[j];
                        var sj = left[pj] == r ? right[pj] : left[pj];
                        if (si == sj || !Incompatible(si, sj, rejectWeight))
                        {
                            continue;
                        }

                        // Rule 10: a valid identifier the record shares with one side only decides between them
                        // (a son's record without a date of birth but with his NHS number is his, not his
                        // father's). The identifier is what tells people apart; the rest of the record is ambiguous.
                        var sharesI = ShareValidIdentifier(r, si);
                        if (sharesI != ShareValidIdentifier(r, sj))
                        {
                            withheld[sharesI ? pj : pi] = true;
                            continue;
                        }

                        var difference = weights[pi] - weights[pj];
                        if (Math.Abs(difference) < margin || BlindTo(r, si, sj))
                        {
                            // Ambiguous: none of the record's links is safe (a third record it links to may be
                            // either person's too, e.g. the other twin's school record).
                            for (var k = from; k < start[r + 1]; k++)
                            {
                                withheld[incident[k]] = true;
                            }

                            goto nextRecord;
                        }

                        withheld[difference < 0 ? pi : pj] = true;
                    }
                }

                // Rule 12: a household rival — a candidate below the threshold that shares the record's postcode or
                // phone — that cannot be one person with one of the record's link partners, and differs from it only in
                // what the record lacks, makes the record as ambiguous as a second link would. A valid identifier the
                // record shares with a partner and not with the rival settles it (rule 10).
                if (rivalStart is null || rivalStart[r] == rivalStart[r + 1])
                {
                    continue;
                }

                var settled = false;
                for (var i = from; i < start[r + 1] && !settled; i++)
                {
                    var pi = incident[i];
                    settled = ShareValidIdentifier(r, left[pi] == r ? right[pi] : left[pi]);
                }

                for (var k = rivalStart[r]; k < Math.Min(rivalStart[r + 1], rivalStart[r] + 64); k++)
                {
                    var sj = rivals![k];
                    if (settled && !ShareValidIdentifier(r, sj))
                    {
                        continue;
                    }

                    for (var i = from; i < to; i++)
                    {
                        var pi = incident[i];
                        var si = left[pi] == r ? right[pi] : left[pi];
                        if (si == sj || !Incompatible(si, sj, rejectWeight))
                        {
                            continue;
                        }

                        if (ShareValidIdentifier(r, sj) && !ShareValidIdentifier(r, si))
                        {
                            withheld[pi] = true;
                            continue;
                        }

                        if (BlindTo(r, si, sj) && !Separates(r, si, sj))
                        {
                            for (var m = from; m < start[r + 1]; m++)
                            {
                                withheld[incident[m]] = true;
                            }

                            goto nextRecord;
                        }
                    }
                }

            nextRecord:;
            }
        });

        return withheld;
    }

    /// <summary>
    /// For rule 12, each record's household rivals as a compressed list (start offsets, partners): records that agree
    /// with it exactly on a household comparison (the postcode, the phone), are not a confident non-match with it and not
    /// vetoed. They are found among its candidate pairs below the link threshold and, because blocking may never have
    /// paired a record with a relative whose name carries a slip, among all records of its postcode or phone when that
    /// group is small (at most <see cref="MaxHouseholdGroup"/>: a switchboard or a made-up number is no household). Only
    /// records that lack a value of a vetoing comparison (a date of birth, a given name) and have a link get any: only
    /// they can be blind. Null when the rule is off.
    /// </summary>
    private (int[]? Start, int[]? Partners) HouseholdRivals(int[] left, int[] right, ulong[] gammas, float[] weights, int count, double minWeight, double rejectWeight)
    {
        if (_householdComparisons.Length == 0)
        {
            return (null, null);
        }

        var n = _records.Count;
        var lacking = new bool[n];
        var linked = new bool[n];
        foreach (var c in _vetoComparisons)
        {
            if (_records.Comparisons[c].Settings.Identifier is not null)
            {
                continue;
            }

            var values = _records.Columns[c].Values;
            for (var i = 0; i < n; i++)
            {
                lacking[i] |= values[i] is null;
            }
        }

        for (var p = 0; p < count; p++)
        {
            if (weights[p] >= minWeight)
            {
                linked[left[p]] = true;
                linked[right[p]] = true;
            }
        }

        var found = new List<(int Record, int Rival)>();
        for (var p = 0; p < count; p++)
        {
            if (weights[p] >= minWeight || weights[p] < rejectWeight || !SharesHousehold(gammas[p]) || IsVetoed(gammas[p]) || AgeConflict(left[p], right[p]))
            {
                continue;
            }

            if (lacking[left[p]] && linked[left[p]])
            {
                found.Add((left[p], right[p]));
            }

            if (lacking[right[p]] && linked[right[p]])
            {
                found.Add((right[p], left[p]));
            }
        }

        foreach (var c in _householdComparisons)
        {
            if (_records.Columns[c].Codes is not { } codes)
            {
                continue;
            }

            var groups = new Dictionary<int, List<int>>();
            for (var i = 0; i < n; i++)
            {
                if (codes[i] >= 0)
                {
                    (groups.TryGetValue(codes[i], out var g) ? g : groups[codes[i]] = []).Add(i);
                }
            }

            var members = groups.Values.Where(g => g.Count is > 1 and <= MaxHouseholdGroup && g.Any(i => lacking[i] && linked[i])).ToArray();
            Parallel.For(0, members.Length, () => new List<(int, int)>(), (k, _, local) =>
            {
                var group = members[k];
                foreach (var r in group)
                {
                    if (!lacking[r] || !linked[r])
                    {
                        continue;
                    }

                    foreach (var y in group)
                    {
                        if (y == r)
                        {
                            continue;
                        }

                        var lo = Math.Min(r, y);
                        var hi = Math.Max(r, y);
                        if (VetoedOnItsOwn(lo, hi))
                        {
                            continue;
                        }

                        var gamma = ComparisonVectors.Compute(_records, lo, hi);
                        if (!IsVetoed(gamma) && !AgeConflict(lo, hi) && _scorer.Weight(gamma, lo) >= rejectWeight)
                        {
                            local.Add((r, y));
                        }
                    }
                }

                return local;
            }, local =>
            {
                lock (found)
                {
                    found.AddRange(local);
                }
            });
        }

        found.Sort();
        var start = new int[n + 1];
        var partners = new List<int>(found.Count);
        var previous = (-1, -1);
        foreach (var pair in found)
        {
            if (pair == previous)
            {
                continue;
            }

            previous = pair;
            start[pair.Record + 1]++;
            partners.Add(pair.Rival);
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        return (start, [.. partners]);
    }

    /// <summary>
    /// Whether a vetoing comparison alone rules the pair out (its level is a veto that no other comparison can lift): a
    /// cheap first test before the whole comparison vector, since most records of a postcode have another given name.
    /// </summary>
    private bool VetoedOnItsOwn(int a, int b)
    {
        foreach (var c in _vetoComparisons)
        {
            var comparison = _records.Comparisons[c];
            var level = comparison.Level(_records.Columns, a, b);
            if (comparison.IsVeto(level) && (level > comparison.VetoUnlessExact.Length || level == 0 || comparison.VetoUnlessExact[level - 1] is null))
            {
                return true;
            }
        }

        return false;
    }

    private bool SharesHousehold(ulong gamma)
    {
        foreach (var c in _householdComparisons)
        {
            if (ComparisonVectors.LevelOf(gamma, c) == _records.Comparisons[c].ExactLevel)
            {
                return true;
            }
        }

        return false;
    }
}
