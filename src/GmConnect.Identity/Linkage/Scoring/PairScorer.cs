using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>
/// Turns comparison vectors into match weights: the prior weight plus each comparison's log2(m/u),
/// plus, for term-frequency comparisons agreeing exactly, log2(u_exact / frequency of the value) so
/// that a rare name agreeing counts for more than a common one.
/// </summary>
internal sealed class PairScorer
{
    private readonly PreparedRecords _records;
    private readonly double[][] _weights;
    private readonly double _prior;
    private readonly int[] _tfComparisons;

    public PairScorer(PreparedRecords records, ModelParameters model)
    {
        _records = records;
        Model = model;
        var comparisons = records.Comparisons;
        if (model.ComparisonNames.Length != comparisons.Length)
        {
            throw new ArgumentException("The model does not have the settings' comparisons.", nameof(model));
        }

        _weights = new double[comparisons.Length][];
        for (var c = 0; c < comparisons.Length; c++)
        {
            if (model.ComparisonNames[c] != comparisons[c].Name || model.M[c].Length != comparisons[c].LevelCount)
            {
                throw new ArgumentException($"The model's comparison {c} is not the settings' '{comparisons[c].Name}' with its levels.", nameof(model));
            }

            _weights[c] = Enumerable.Range(0, comparisons[c].LevelCount).Select(l => model.Weight(c, l)).ToArray();
        }

        _prior = model.PriorWeight;
        _tfComparisons = [.. comparisons.Where(c => c.Settings.TermFrequency && c.ExactLevel > 0).Select(c => c.Index)];
        foreach (var c in _tfComparisons)
        {
            var column = records.Columns[c];
            var uExact = model.U[c][comparisons[c].ExactLevel];
            var weight = comparisons[c].Settings.TermFrequencyWeight;
            column.TermFrequencyAdjustment = column.Frequency!.Select(f => f > 0 ? (float)(weight * Math.Log2(uExact / f)) : 0f).ToArray();
        }
    }

    public ModelParameters Model { get; }

    public double PriorWeight => _prior;

    /// <summary>Weight of one comparison at one level (no term-frequency adjustment).</summary>
    public double LevelWeight(int comparison, int level) => _weights[comparison][level];

    /// <summary>Term-frequency adjustment of comparison <paramref name="c"/> for the pair, or 0.</summary>
    public double TermFrequencyAdjustment(int c, int level, int a)
    {
        var comparison = _records.Comparisons[c];
        return comparison.Settings.TermFrequency && level == comparison.ExactLevel && level > 0
            ? _records.Columns[c].TermFrequencyAdjustment![a]
            : 0.0;
    }

    public double Weight(ulong gamma, int a)
    {
        var w = _prior;
        for (var c = 0; c < _weights.Length; c++)
        {
            w += _weights[c][ComparisonVectors.LevelOf(gamma, c)];
        }

        foreach (var c in _tfComparisons)
        {
            if (ComparisonVectors.LevelOf(gamma, c) == _records.Comparisons[c].ExactLevel)
            {
                w += _records.Columns[c].TermFrequencyAdjustment![a];
            }
        }

        return w;
    }

    /// <summary>Weight of any two records, compared now (used when clustering checks pairs blocking did not produce).</summary>
    public double Weight(int a, int b) => Weight(ComparisonVectors.Compute(_records, a, b), a);

    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    public static double WeightOf(double probability) => Math.Log2(probability / (1 - probability));
}
