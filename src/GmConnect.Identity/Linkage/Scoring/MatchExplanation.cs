using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GmConnect.Identity.Linkage.Scoring;

/// <summary>
/// Why a pair scored as it did: the prior, then each comparison's contribution, summing to the final
/// match weight (a waterfall). Values only, never the records' data, so it can be logged and shown.
/// </summary>
public sealed class MatchExplanation
{
    internal MatchExplanation(string left, string right, double prior, IReadOnlyList<ComparisonContribution> contributions)
    {
        Left = left;
        Right = right;
        PriorWeight = prior;
        Contributions = contributions;
        MatchWeight = prior + contributions.Sum(c => c.Weight + c.TermFrequencyAdjustment);
    }

    /// <summary>Left record as <c>source/record_id</c>.</summary>
    public string Left { get; }

    /// <summary>Right record as <c>source/record_id</c>.</summary>
    public string Right { get; }

    /// <summary>The starting point: log2 of the prior odds of a match.</summary>
    public double PriorWeight { get; }

    /// <summary>Each comparison's contribution, in settings order.</summary>
    public IReadOnlyList<ComparisonContribution> Contributions { get; }

    /// <summary>Total match weight (log2 odds).</summary>
    public double MatchWeight { get; }

    /// <summary>Match probability.</summary>
    public double MatchProbability => PairScorer.Probability(MatchWeight);

    /// <summary>The waterfall as aligned text.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{Left} vs {Right}");
        var running = PriorWeight;
        sb.AppendLine(inv, $"  {"prior",-22} {"",-28} {PriorWeight,8:+0.00;-0.00} {running,8:+0.00;-0.00}");
        foreach (var c in Contributions)
        {
            running += c.Weight;
            sb.AppendLine(inv, $"  {c.Comparison,-22} {c.Level,-28} {c.Weight,8:+0.00;-0.00} {running,8:+0.00;-0.00}");
            if (c.TermFrequencyAdjustment != 0)
            {
                running += c.TermFrequencyAdjustment;
                sb.AppendLine(inv, $"  {"  term frequency",-22} {"",-28} {c.TermFrequencyAdjustment,8:+0.00;-0.00} {running,8:+0.00;-0.00}");
            }
        }

        sb.AppendLine(inv, $"  match weight {MatchWeight:F2}, probability {MatchProbability:G6}");
        return sb.ToString();
    }

    /// <summary>The waterfall as JSON: <c>{left, right, prior_weight, contributions:[{comparison, level, weight, tf_adjustment}], match_weight, match_probability}</c>.</summary>
    public string ToJson()
    {
        var items = new JsonArray();
        foreach (var c in Contributions)
        {
            items.Add(new JsonObject
            {
                ["comparison"] = c.Comparison,
                ["level"] = c.Level,
                ["weight"] = Math.Round(c.Weight, 6),
                ["tf_adjustment"] = Math.Round(c.TermFrequencyAdjustment, 6),
            });
        }

        var root = new JsonObject
        {
            ["left"] = Left,
            ["right"] = Right,
            ["prior_weight"] = Math.Round(PriorWeight, 6),
            ["contributions"] = items,
            ["match_weight"] = Math.Round(MatchWeight, 6),
            ["match_probability"] = MatchProbability,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
