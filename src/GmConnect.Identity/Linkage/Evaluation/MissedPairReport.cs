using System.Globalization;
using System.Text;
using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Clustering;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Scoring;

namespace GmConnect.Identity.Linkage.Evaluation;

/// <summary>
/// Where recall goes: every true pair (two records of one person, by the truth) that the clusters keep apart,
/// put in the first category that explains it — never a candidate under any blocking rule; a candidate scored
/// as a confident non-match; a candidate in the review band (between <c>reject_below</c> and the threshold);
/// a link that clustering refused, by the guard that refused it. For each category the commonest comparison
/// patterns (the level of each name, date, postcode and identifier comparison) say what differed.
/// Counts and level labels only: no values.
/// </summary>
public sealed class MissedPairReport
{
    private const int PatternsShown = 6;

    private MissedPairReport(long truePairs, IReadOnlyList<MissCategory> categories, IReadOnlyList<MissedPair> pairs)
    {
        TruePairs = truePairs;
        Categories = categories;
        Pairs = pairs;
    }

    /// <summary>True pairs counted (cross-source only for link-only runs).</summary>
    public long TruePairs { get; }

    /// <summary>True pairs not in one cluster.</summary>
    public long Missed => Categories.Sum(c => c.Count);

    /// <summary>The categories, in the order they are tested; empty ones included.</summary>
    public IReadOnlyList<MissCategory> Categories { get; }

    /// <summary>Every missed pair (record indices), its category and direct weight.</summary>
    public IReadOnlyList<MissedPair> Pairs { get; }

    /// <summary>The report as text: a line per category, with its commonest patterns beneath.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(string.Create(inv, $"missed true pairs  {Missed:N0} of {TruePairs:N0} ({(TruePairs == 0 ? 0 : (double)Missed / TruePairs):P2})\n"));
        foreach (var c in Categories)
        {
            text.Append(string.Create(inv, $"  {c.Name,-52} {c.Count,9:N0}\n"));
            foreach (var (pattern, count) in c.Patterns.Take(PatternsShown))
            {
                text.Append(string.Create(inv, $"      {count,7:N0}  {pattern}\n"));
            }
        }

        return text.ToString();
    }

    internal static MissedPairReport Build(
        IReadOnlyList<string?> truth,
        bool crossSourceOnly,
        PreparedRecords records,
        CandidatePairs pairs,
        float[] weights,
        PairScorer scorer,
        ClusteringResult clustering,
        double threshold,
        double rejectBelow)
    {
        var n = records.Count;
        var clusterOf = clustering.ClusterOf;
        var minWeight = PairScorer.WeightOf(threshold);
        var rejectWeight = rejectBelow <= 0 ? double.NegativeInfinity : PairScorer.WeightOf(rejectBelow);

        // The true pairs the clusters keep apart.
        var byPerson = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (truth[i] is { } key)
            {
                (byPerson.TryGetValue(key, out var list) ? list : byPerson[key] = []).Add(i);
            }
        }

        long truePairs = 0;
        var missed = new Dictionary<long, int>();
        var missedList = new List<(int A, int B)>();
        foreach (var members in byPerson.Values)
        {
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    int a = members[x], b = members[y];
                    if (crossSourceOnly && records.SourceOf[a] == records.SourceOf[b])
                    {
                        continue;
                    }

                    truePairs++;
                    if (clusterOf[a] != clusterOf[b])
                    {
                        missed[Key(a, b)] = missedList.Count;
                        missedList.Add((Math.Min(a, b), Math.Max(a, b)));
                    }
                }
            }
        }

        var candidate = new int[missedList.Count];
        Array.Fill(candidate, -1);
        for (var p = 0; p < pairs.Count; p++)
        {
            if (missed.TryGetValue(Key(pairs.Left[p], pairs.Right[p]), out var m))
            {
                candidate[m] = p;
            }
        }

        var names = Enum.GetValues<MissKind>().Select(Name).ToArray();
        var counts = new long[names.Length];
        var patterns = names.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        var result = new List<MissedPair>(missedList.Count);
        for (var m = 0; m < missedList.Count; m++)
        {
            var (a, b) = missedList[m];
            var p = candidate[m];
            ulong gamma;
            double weight;
            MissKind kind;
            if (p < 0)
            {
                gamma = ComparisonVectors.Compute(records, a, b);
                weight = scorer.Weight(gamma, a);
                kind = weight >= minWeight ? MissKind.NotCandidateWouldLink
                    : weight >= rejectWeight ? MissKind.NotCandidateReview
                    : MissKind.NotCandidateNonMatch;
            }
            else
            {
                gamma = ComparisonVectors.Compute(records, a, b);
                weight = weights[p];
                var outcome = clustering.Outcomes.Length > p ? clustering.Outcomes[p] : LinkOutcome.NotALink;
                kind = outcome switch
                {
                    LinkOutcome.NotALink => weight >= rejectWeight ? MissKind.ReviewBand : MissKind.NonMatch,
                    LinkOutcome.Veto => MissKind.Veto,
                    LinkOutcome.Ambiguous => MissKind.Ambiguous,
                    LinkOutcome.ConflictingIdentifier => MissKind.ConflictingIdentifier,
                    LinkOutcome.NonMatchInside => MissKind.NonMatchInside,
                    LinkOutcome.SameSource or LinkOutcome.CannotLink => MissKind.SourceOrCannotLink,
                    _ => MissKind.Other,
                };
            }

            var pattern = Pattern(records, gamma);
            counts[(int)kind]++;
            patterns[(int)kind][pattern] = patterns[(int)kind].GetValueOrDefault(pattern) + 1;
            result.Add(new MissedPair(a, b, names[(int)kind], weight, pattern));
        }

        var categories = Enum.GetValues<MissKind>()
            .Where(k => k != MissKind.Other || counts[(int)k] > 0)
            .Select(k => new MissCategory(
                names[(int)k],
                counts[(int)k],
                [.. patterns[(int)k].OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Value))]))
            .ToList();
        return new MissedPairReport(truePairs, categories, result);
    }

    /// <summary>
    /// The levels that say what differed: identifiers collapsed into one word (the strongest of agree, disagree,
    /// near, else, none), then each comparison that has a veto, term frequencies, or date or postcode levels.
    /// </summary>
    internal static string Pattern(PreparedRecords records, ulong gamma)
    {
        var text = new StringBuilder();
        var identifier = "none";
        var rank = 0;
        foreach (var c in records.Comparisons)
        {
            var level = ComparisonVectors.LevelOf(gamma, c.Index);
            if (c.Settings.Identifier is not null)
            {
                var kind = c.LevelSettings(level)?.Kind;
                var (word, r) = level == 0 ? ("none", 0)
                    : kind == Settings.LevelKind.IdentifierAgree ? ("agree", 4)
                    : kind == Settings.LevelKind.IdentifierDisagree ? ("disagree", 3)
                    : level == c.LevelCount - 1 ? ("else", 1)
                    : ("near", 2);
                if (r > rank)
                {
                    (identifier, rank) = (word, r);
                }
            }
        }

        text.Append("id=").Append(identifier);
        foreach (var c in records.Comparisons)
        {
            if (c.Settings.Identifier is null && (c.HasVeto || c.Settings.TermFrequency
                || c.Needs(Settings.LevelKind.DateDayMonthSwapped, Settings.LevelKind.DateOneDigit, Settings.LevelKind.DateWithinYears, Settings.LevelKind.DateWithinDays, Settings.LevelKind.PostcodeSector, Settings.LevelKind.PostcodeDistrict)))
            {
                text.Append(' ').Append(c.Name).Append('=').Append(c.LevelLabel(ComparisonVectors.LevelOf(gamma, c.Index)));
            }
        }

        return text.ToString();
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static string Name(MissKind kind) => kind switch
    {
        MissKind.NotCandidateWouldLink => "never a candidate; scored directly: a link",
        MissKind.NotCandidateReview => "never a candidate; scored directly: review band",
        MissKind.NotCandidateNonMatch => "never a candidate; scored directly: non-match",
        MissKind.NonMatch => "candidate, below reject_below (confident non-match)",
        MissKind.ReviewBand => "candidate, review band (reject_below..threshold)",
        MissKind.Veto => "link refused: veto level",
        MissKind.Ambiguous => "link refused: ambiguous record",
        MissKind.ConflictingIdentifier => "link refused: conflicting identifiers",
        MissKind.NonMatchInside => "link refused: confident non-match inside",
        MissKind.SourceOrCannotLink => "link refused: same source or cannot-link",
        _ => "other",
    };

    private enum MissKind
    {
        NotCandidateWouldLink,
        NotCandidateReview,
        NotCandidateNonMatch,
        NonMatch,
        ReviewBand,
        Veto,
        Ambiguous,
        ConflictingIdentifier,
        NonMatchInside,
        SourceOrCannotLink,
        Other,
    }
}

/// <summary>One category of missed pairs, with its comparison patterns commonest first.</summary>
public sealed record MissCategory(string Name, long Count, IReadOnlyList<(string Pattern, long Count)> Patterns);

/// <summary>A true pair the clusters keep apart: record indices, category, match weight (log2) and comparison pattern.</summary>
public sealed record MissedPair(int Left, int Right, string Category, double Weight, string Pattern);
