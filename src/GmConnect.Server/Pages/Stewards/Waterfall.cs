using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GmConnect.Server.Pages.Stewards;

/// <summary>
/// The match-weight waterfall of a review task, read from the linkage engine's explanation JSON
/// (<c>{left, right, prior_weight, contributions:[{comparison, level, weight, tf_adjustment}], match_weight,
/// match_probability}</c>): one step per comparison, each starting where the previous ended. The page shows it
/// as a table (always) and as a Vega-Lite chart (with JavaScript).
/// </summary>
public sealed record Waterfall(IReadOnlyList<WaterfallStep> Steps, double MatchWeight, double MatchProbability)
{
    /// <summary>Parses the explanation; null when it is missing or not in that shape.</summary>
    public static Waterfall? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonObject root || root["contributions"] is not JsonArray contributions)
            {
                return null;
            }

            var running = root["prior_weight"]?.GetValue<double>() ?? 0;
            var steps = new List<WaterfallStep> { new("Prior", "before any comparison", running, 0, running) };
            foreach (var item in contributions.OfType<JsonObject>())
            {
                var weight = (item["weight"]?.GetValue<double>() ?? 0) + (item["tf_adjustment"]?.GetValue<double>() ?? 0);
                // The engine names the level of a comparison with a value missing on either side "null".
                var level = item["level"]?.GetValue<string>() ?? "";
                steps.Add(new WaterfallStep(
                    item["comparison"]?.GetValue<string>() ?? "?", level == "null" ? "missing on one side" : level, weight, running, running + weight));
                running += weight;
            }

            var total = root["match_weight"]?.GetValue<double>() ?? running;
            var probability = root["match_probability"]?.GetValue<double>() ?? 0;
            return new Waterfall(steps, total, probability);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The Vega-Lite specification of the chart: a bar per step from its start to its end, and the total.</summary>
    public string ToVegaLite()
    {
        var values = new JsonArray();
        var order = 0;
        foreach (var step in Steps)
        {
            values.Add(new JsonObject
            {
                ["order"] = order++,
                ["step"] = step.Comparison,
                ["level"] = step.Level,
                ["start"] = Math.Round(step.Start, 3),
                ["end"] = Math.Round(step.End, 3),
                ["weight"] = Math.Round(step.Weight, 3),
                ["kind"] = step.Weight >= 0 ? "for a match" : "against a match",
            });
        }

        values.Add(new JsonObject
        {
            ["order"] = order,
            ["step"] = "Match weight",
            ["level"] = "total",
            ["start"] = 0,
            ["end"] = Math.Round(MatchWeight, 3),
            ["weight"] = Math.Round(MatchWeight, 3),
            ["kind"] = "total",
        });
        var spec = new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["description"] = "Match-weight waterfall",
            ["width"] = "container",
            ["height"] = 260,
            ["data"] = new JsonObject { ["values"] = values },
            ["mark"] = new JsonObject { ["type"] = "bar", ["tooltip"] = true },
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject
                {
                    ["field"] = "step", ["type"] = "nominal", ["title"] = null,
                    ["sort"] = new JsonObject { ["field"] = "order" },
                    ["axis"] = new JsonObject { ["labelAngle"] = -40, ["labelLimit"] = 120 },
                },
                ["y"] = new JsonObject { ["field"] = "start", ["type"] = "quantitative", ["title"] = "Match weight (log2 odds)" },
                ["y2"] = new JsonObject { ["field"] = "end" },
                ["color"] = new JsonObject
                {
                    ["field"] = "kind", ["type"] = "nominal", ["title"] = null,
                    ["scale"] = new JsonObject
                    {
                        ["domain"] = new JsonArray("for a match", "against a match", "total"),
                        ["range"] = new JsonArray("#00703c", "#d4351c", "#1d70b8"),
                    },
                    ["legend"] = new JsonObject { ["orient"] = "bottom" },
                },
                ["tooltip"] = new JsonArray(
                    new JsonObject { ["field"] = "step", ["title"] = "Comparison" },
                    new JsonObject { ["field"] = "level", ["title"] = "Level" },
                    new JsonObject { ["field"] = "weight", ["title"] = "Weight" }),
            },
        };
        return spec.ToJsonString();
    }

    /// <summary>A weight as the table shows it: signed, two decimals.</summary>
    public static string Format(double weight) => weight.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);
}

/// <summary>One comparison's contribution: its level, its weight (with any term-frequency adjustment) and where it starts and ends.</summary>
public sealed record WaterfallStep(string Comparison, string Level, double Weight, double Start, double End);
