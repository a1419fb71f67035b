namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>One comparison's part of a pair's match weight.</summary>
/// <param name="Comparison">The comparison's name.</param>
/// <param name="Level">The label of the level the pair fell in.</param>
/// <param name="Weight">log2(m/u) of that level.</param>
/// <param name="TermFrequencyAdjustment">Extra weight for a rare (positive) or common (negative) value agreeing.</param>
public sealed record ComparisonContribution(string Comparison, string Level, double Weight, double TermFrequencyAdjustment);
