using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>
/// The engine's entry point for real-time matching: one record (row 0 of a small table) scored against the
/// others (its candidates) with the same comparisons, model and guards as a batch run. Term frequencies come
/// from the whole population, not from the small table, so that a rare name counts as rare.
/// </summary>
internal sealed class ProbeScorer
{
    public ProbeScorer(LinkageSettings settings, ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(model);
        Settings = settings;
        Model = model;
        Columns = [.. settings.Comparisons.SelectMany(c => c.Columns).Distinct(StringComparer.Ordinal)];
    }

    public LinkageSettings Settings { get; }

    public ModelParameters Model { get; }

    /// <summary>The input columns the comparisons read.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Prepares the table and scores row 0 against every other row. <paramref name="frequency"/> gives the
    /// population's share of records with a prepared value for a term-frequency comparison (by index), or null
    /// to use the table's own.
    /// </summary>
    public ProbeScores Score(RecordTable table, Func<int, string, double?>? frequency)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Score(PreparedRecords.Prepare(Settings, table), frequency);
    }

    /// <summary>
    /// Scores row 0 of records already prepared (<see cref="PreparedRecords.FromPrepared"/>) against every other row, as
    /// <see cref="Score(RecordTable, Func{int, string, double?}?)"/> does for a table.
    /// </summary>
    public ProbeScores Score(PreparedRecords prepared, Func<int, string, double?>? frequency)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (frequency is not null)
        {
            foreach (var comparison in prepared.Comparisons.Where(c => c.Settings.TermFrequency))
            {
                var column = prepared.Columns[comparison.Index];
                for (var i = 0; i < prepared.Count; i++)
                {
                    if (column.Values[i] is { } value && frequency(comparison.Index, value) is { } share)
                    {
                        column.Frequency![i] = (float)share;
                    }
                }
            }
        }

        return new ProbeScores(prepared, new PairScorer(prepared, Model), Settings.Clustering);
    }
}

/// <summary>Row 0 of a prepared table against each other row: weight, veto, identifier conflict, explanation.</summary>
internal sealed class ProbeScores
{
    private readonly PreparedRecords _prepared;
    private readonly PairScorer _scorer;
    private readonly ulong[] _gammas;
    private readonly int[] _identifierComparisons;

    internal ProbeScores(PreparedRecords prepared, PairScorer scorer, ClusteringSettings clustering)
    {
        _prepared = prepared;
        _scorer = scorer;
        RejectWeight = clustering.RejectBelow <= 0 ? double.NegativeInfinity : PairScorer.WeightOf(clustering.RejectBelow);
        _gammas = new ulong[prepared.Count];
        Weights = new double[prepared.Count];
        for (var i = 1; i < prepared.Count; i++)
        {
            _gammas[i] = ComparisonVectors.Compute(prepared, 0, i);
            Weights[i] = scorer.Weight(_gammas[i], 0);
        }

        _identifierComparisons = [.. prepared.Comparisons.Where(c => c.Settings.Identifier is not null).Select(c => c.Index)];
    }

    /// <summary>Rows in the table (row 0 is the probe).</summary>
    public int Count => _prepared.Count;

    /// <summary>Match weight of (0, row).</summary>
    public double[] Weights { get; }

    /// <summary>log2 prior odds: the weight of a pair about which nothing is known.</summary>
    public double PriorWeight => _scorer.PriorWeight;

    /// <summary>Weight below which a pair is a confident non-match (the clustering's reject_below).</summary>
    public double RejectWeight { get; }

    public double Probability(int row) => PairScorer.Probability(Weights[row]);

    /// <summary>The pair falls in a veto level of some comparison (never linked automatically).</summary>
    public bool IsVetoed(int row)
    {
        foreach (var comparison in _prepared.Comparisons)
        {
            if (comparison.HasVeto && comparison.IsVeto(ComparisonVectors.LevelOf(_gammas[row], comparison.Index)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Both records carry a valid identifier of one kind and the two differ.</summary>
    public bool HasConflictingIdentifier(int row)
    {
        foreach (var c in _identifierComparisons)
        {
            var column = _prepared.Columns[c];
            if (column.ValidIdentifier![0] && column.ValidIdentifier[row] && !string.Equals(column.Values[0], column.Values[row], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per comparison with both values present: <c>name: level</c>.</summary>
    public IReadOnlyList<string> Why(int row)
    {
        var lines = new List<string>();
        foreach (var comparison in _prepared.Comparisons)
        {
            var level = ComparisonVectors.LevelOf(_gammas[row], comparison.Index);
            if (level != 0)
            {
                lines.Add($"{comparison.Name}: {comparison.LevelLabel(level)}");
            }
        }

        return lines;
    }

    /// <summary>The waterfall of (0, row); <paramref name="left"/> and <paramref name="right"/> name the records.</summary>
    public MatchExplanation Explain(int row, string left, string right)
    {
        var contributions = new List<ComparisonContribution>();
        foreach (var comparison in _prepared.Comparisons)
        {
            var level = ComparisonVectors.LevelOf(_gammas[row], comparison.Index);
            contributions.Add(new ComparisonContribution(
                comparison.Name,
                comparison.LevelLabel(level),
                _scorer.LevelWeight(comparison.Index, level),
                _scorer.TermFrequencyAdjustment(comparison.Index, level, 0)));
        }

        return new MatchExplanation(left, right, _scorer.PriorWeight, contributions);
    }
}
