using System.Globalization;
using System.Text.Json.Nodes;
using GmConnect.Workbench.Forecast;

namespace GmConnect.Server.Workbench;

/// <summary>The forecast's views: <c>total</c> (children in care, baseline and scenario, with the ±2 s.d. band) and <c>categories</c> (by placement category).</summary>
internal static class ForecastCharts
{
    public static string Spec(string view, IReadOnlyList<ForecastValue> values)
    {
        var rows = new JsonArray();
        foreach (var v in values.Where(v => view == "total" ? v.Category == "All" : v.Category != "All"))
        {
            rows.Add(new JsonObject
            {
                ["date"] = v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["scenario"] = v.Scenario,
                ["category"] = v.Category,
                ["mean"] = v.Mean,
                ["lower"] = v.Lower,
                ["upper"] = v.Upper,
            });
        }

        var x = new JsonObject { ["field"] = "date", ["type"] = "ordinal", ["title"] = "31 March" };
        JsonObject spec;
        if (view == "total")
        {
            spec = new JsonObject
            {
                ["layer"] = new JsonArray(
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "area", ["opacity"] = 0.25 },
                        ["encoding"] = new JsonObject
                        {
                            ["x"] = x.DeepClone(),
                            ["y"] = new JsonObject { ["field"] = "lower", ["type"] = "quantitative", ["title"] = "children" },
                            ["y2"] = new JsonObject { ["field"] = "upper" },
                            ["color"] = new JsonObject { ["field"] = "scenario", ["type"] = "nominal", ["title"] = "Scenario" },
                        },
                    },
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true },
                        ["encoding"] = new JsonObject
                        {
                            ["x"] = x.DeepClone(),
                            ["y"] = new JsonObject { ["field"] = "mean", ["type"] = "quantitative", ["title"] = "children" },
                            ["color"] = new JsonObject { ["field"] = "scenario", ["type"] = "nominal", ["title"] = "Scenario" },
                            ["tooltip"] = new JsonArray(new JsonObject { ["field"] = "scenario" }, new JsonObject { ["field"] = "date" }, new JsonObject { ["field"] = "mean" }, new JsonObject { ["field"] = "lower" }, new JsonObject { ["field"] = "upper" }),
                        },
                    }),
            };
        }
        else
        {
            spec = new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true },
                ["encoding"] = new JsonObject
                {
                    ["x"] = x,
                    ["y"] = new JsonObject { ["field"] = "mean", ["type"] = "quantitative", ["title"] = "children" },
                    ["color"] = new JsonObject { ["field"] = "category", ["type"] = "nominal", ["title"] = "Placement" },
                    ["strokeDash"] = new JsonObject { ["field"] = "scenario", ["type"] = "nominal", ["title"] = "Scenario" },
                    ["tooltip"] = new JsonArray(new JsonObject { ["field"] = "scenario" }, new JsonObject { ["field"] = "category" }, new JsonObject { ["field"] = "date" }, new JsonObject { ["field"] = "mean" }),
                },
            };
        }

        spec["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json";
        spec["width"] = "container";
        spec["height"] = 240;
        spec["data"] = new JsonObject { ["values"] = rows };
        return spec.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }

    public static ChartTable Table(string view, IReadOnlyList<ForecastValue> values)
    {
        var c = CultureInfo.InvariantCulture;
        var chosen = values.Where(v => view == "total" ? v.Category == "All" : v.Category != "All").ToList();
        return view == "total"
            ? new ChartTable("Scenario and date", ["Children (mean)", "Lower", "Upper", "Cost of the year (£)"],
                chosen.Select(v => ($"{v.Scenario}, {v.Date.ToString("d MMM yyyy", c)}", (IReadOnlyList<string>)[v.Mean.ToString("N0", c), v.Lower.ToString("N0", c), v.Upper.ToString("N0", c), v.CostOfYear.ToString("N0", c)])).ToList())
            : new ChartTable("Scenario and date", chosen.Select(v => v.Category).Distinct().ToList(),
                chosen.GroupBy(v => (v.Scenario, v.Date)).Select(g => ($"{g.Key.Scenario}, {g.Key.Date.ToString("d MMM yyyy", c)}", (IReadOnlyList<string>)g.Select(v => v.Mean.ToString("N0", c)).ToList())).ToList());
    }
}
