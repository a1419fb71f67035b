namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>A candidate pair by record index, with its match weight (log2 odds).</summary>
public readonly record struct ScoredPair(int Left, int Right, double MatchWeight)
{
    /// <summary>The match probability.</summary>
    public double MatchProbability => PairScorer.Probability(MatchWeight);
}
