using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GmConnect.Identity.Linkage.Training;

/// <summary>
/// A trained model: the prior probability that two random records match, and m and u for every level
/// of every comparison (the null level has none). Saved and loaded as JSON so that a model trained once
/// can score later runs.
/// </summary>
public sealed class ModelParameters
{
    internal ModelParameters(double prior, string[] comparisonNames, string[][] levelLabels, double[][] m, double[][] u)
    {
        ProbabilityTwoRandomRecordsMatch = prior;
        ComparisonNames = comparisonNames;
        LevelLabels = levelLabels;
        M = m;
        U = u;
    }

    /// <summary>Prior probability that two records drawn at random are the same person.</summary>
    public double ProbabilityTwoRandomRecordsMatch { get; internal set; }

    internal string[] ComparisonNames { get; }

    internal string[][] LevelLabels { get; }

    /// <summary>m[c][level]: probability of the level among matches (index 0, the null level, unused).</summary>
    internal double[][] M { get; }

    /// <summary>u[c][level]: probability of the level among non-matches.</summary>
    internal double[][] U { get; }

    /// <summary>EM iterations per training session (diagnostics).</summary>
    public IReadOnlyList<int> EmIterations { get; internal set; } = [];

    /// <summary>Random pairs sampled for u.</summary>
    public long USampledPairs { get; internal set; }

    /// <summary>log2 Bayes factor of a level: log2(m / u); 0 for the null level.</summary>
    internal double Weight(int comparison, int level) =>
        level == 0 ? 0.0 : Math.Log2(M[comparison][level] / U[comparison][level]);

    /// <summary>The prior as a match weight: log2(λ / (1 − λ)).</summary>
    internal double PriorWeight => Math.Log2(ProbabilityTwoRandomRecordsMatch / (1 - ProbabilityTwoRandomRecordsMatch));

    /// <summary>The model as JSON.</summary>
    public string ToJson()
    {
        var comparisons = new JsonArray();
        for (var c = 0; c < ComparisonNames.Length; c++)
        {
            var levels = new JsonArray();
            for (var l = 1; l < M[c].Length; l++)
            {
                levels.Add(new JsonObject
                {
                    ["label"] = LevelLabels[c][l],
                    ["m"] = M[c][l],
                    ["u"] = U[c][l],
                    ["match_weight"] = Math.Round(Weight(c, l), 4),
                });
            }

            comparisons.Add(new JsonObject { ["name"] = ComparisonNames[c], ["levels"] = levels });
        }

        var root = new JsonObject
        {
            ["probability_two_random_records_match"] = ProbabilityTwoRandomRecordsMatch,
            ["comparisons"] = comparisons,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a model saved with <see cref="ToJson"/>; it must match the settings' comparisons and levels.</summary>
    public static ModelParameters FromJson(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The model file is empty.");
        var prior = root["probability_two_random_records_match"]?.GetValue<double>() ?? throw new FormatException("The model has no prior.");
        var comparisons = root["comparisons"]?.AsArray() ?? throw new FormatException("The model has no comparisons.");
        var names = new string[comparisons.Count];
        var labels = new string[comparisons.Count][];
        var m = new double[comparisons.Count][];
        var u = new double[comparisons.Count][];
        for (var c = 0; c < comparisons.Count; c++)
        {
            var comparison = comparisons[c]!.AsObject();
            names[c] = comparison["name"]!.GetValue<string>();
            var levels = comparison["levels"]!.AsArray();
            labels[c] = new string[levels.Count + 1];
            m[c] = new double[levels.Count + 1];
            u[c] = new double[levels.Count + 1];
            labels[c][0] = "null";
            for (var l = 0; l < levels.Count; l++)
            {
                labels[c][l + 1] = levels[l]!["label"]!.GetValue<string>();
                m[c][l + 1] = levels[l]!["m"]!.GetValue<double>();
                u[c][l + 1] = levels[l]!["u"]!.GetValue<double>();
            }
        }

        return new ModelParameters(prior, names, labels, m, u);
    }

    /// <summary>A one-line summary per comparison for progress output.</summary>
    public override string ToString()
    {
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"prior {ProbabilityTwoRandomRecordsMatch:G4}") };
        for (var c = 0; c < ComparisonNames.Length; c++)
        {
            var weights = Enumerable.Range(1, M[c].Length - 1).Select(l => Weight(c, l).ToString("F1", CultureInfo.InvariantCulture));
            lines.Add($"{ComparisonNames[c]}: {string.Join(" / ", weights)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
