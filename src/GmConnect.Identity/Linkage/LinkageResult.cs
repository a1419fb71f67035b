using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Clustering;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Linkage;

/// <summary>The outcome of a run: the model, every candidate pair's weight, the clusters and timings.</summary>
public sealed class LinkageResult
{
    private readonly PreparedRecords _prepared;
    private readonly CandidatePairs _pairs;
    private readonly float[] _weights;
    private readonly PairScorer _scorer;
    private readonly double _rejectBelow;

    internal LinkageResult(
        RecordTable records,
        PreparedRecords prepared,
        CandidatePairs pairs,
        float[] weights,
        PairScorer scorer,
        ClusteringResult clustering,
        double threshold,
        IReadOnlyList<StepTiming> steps,
        double rejectBelow = 0.01)
    {
        _rejectBelow = rejectBelow;
        Records = records;
        _prepared = prepared;
        _pairs = pairs;
        _weights = weights;
        _scorer = scorer;
        Clustering = clustering;
        Threshold = threshold;
        Steps = steps;
    }

    /// <summary>The input records.</summary>
    public RecordTable Records { get; }

    /// <summary>The trained (or loaded) model.</summary>
    public ModelParameters Model => _scorer.Model;

    /// <summary>The clusters.</summary>
    public ClusteringResult Clustering { get; }

    /// <summary>The match-probability threshold used.</summary>
    public double Threshold { get; }

    /// <summary>Time per step.</summary>
    public IReadOnlyList<StepTiming> Steps { get; }

    /// <summary>Number of candidate pairs scored.</summary>
    public int CandidatePairCount => _pairs.Count;

    /// <summary>Candidate pairs per blocking rule (a pair counts under every rule it agrees on).</summary>
    public IReadOnlyList<long> CandidatePairsPerRule => _pairs.PairsPerRule;

    /// <summary>Blocks each rule skipped as larger than <c>max_block_size</c> (their pairs are not candidates).</summary>
    public IReadOnlyList<long> SkippedBlocksPerRule => _pairs.SkippedBlocksPerRule;

    /// <summary>Candidate pairs with a match probability at or above <paramref name="minProbability"/>, as record indices and weight.</summary>
    public IEnumerable<ScoredPair> Pairs(double minProbability = 0.0)
    {
        var minWeight = minProbability <= 0 ? double.NegativeInfinity : PairScorer.WeightOf(minProbability);
        for (var p = 0; p < _pairs.Count; p++)
        {
            if (_weights[p] >= minWeight)
            {
                yield return new ScoredPair(_pairs.Left[p], _pairs.Right[p], _weights[p]);
            }
        }
    }

    /// <summary>
    /// Where recall goes, against a truth (the true person of each record, null when unknown): every true pair the
    /// clusters keep apart, by the first reason that explains it (see <see cref="MissedPairReport"/>).
    /// </summary>
    public MissedPairReport MissedPairs(IReadOnlyList<string?> truth, bool crossSourceOnly = false)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return MissedPairReport.Build(truth, crossSourceOnly, _prepared, _pairs, _weights, _scorer, Clustering, Threshold, _rejectBelow);
    }

    /// <summary>The waterfall of any two records (by index), whether or not blocking paired them.</summary>
    public MatchExplanation Explain(int a, int b)
    {
        var gamma = ComparisonVectors.Compute(_prepared, a, b);
        var contributions = new List<ComparisonContribution>();
        foreach (var comparison in _prepared.Comparisons)
        {
            var level = ComparisonVectors.LevelOf(gamma, comparison.Index);
            contributions.Add(new ComparisonContribution(
                comparison.Name,
                comparison.LevelLabel(level),
                _scorer.LevelWeight(comparison.Index, level),
                _scorer.TermFrequencyAdjustment(comparison.Index, level, a)));
        }

        return new MatchExplanation(
            Records.SourceOf(a) + "/" + Records.RecordIdOf(a),
            Records.SourceOf(b) + "/" + Records.RecordIdOf(b),
            _scorer.PriorWeight,
            contributions);
    }
}
