using System.Globalization;
using System.Text.Json.Nodes;
using GmConnect.Workbench.Measures;

namespace GmConnect.Server.Workbench;

/// <summary>
/// The explorer's three views of a measure, each drawn as a Vega-Lite chart and shown as a table with the same
/// figures: <c>trend</c> (the chosen area over the years, with GM beside it when the figures are comparable),
/// <c>compare</c> (GM and each authority in the chosen year) and <c>multiples</c> (one small panel per authority).
/// Withheld figures are left out of a chart and shown as "c" in its table.
/// </summary>
internal static class ExploreCharts
{
    public static readonly string[] Views = ["trend", "compare", "multiples"];

    /// <summary>The figures a view shows, from the query's figures (already filtered and suppressed).</summary>
    public static IReadOnlyList<MeasureValue> Rows(string view, ExploreQuery query, IReadOnlyList<MeasureValue> figures)
    {
        var mine = figures.Where(v => v.Measure == query.Measure.Name);
        var gm = Ssda903Measures.GreaterManchester;
        return view switch
        {
            // Counts for GM dwarf an authority's, so a count's trend shows the chosen area alone.
            "trend" => mine.Where(v => v.Area == query.Area || (!query.Measure.HasCategories && query.Measure.Kind != MeasureKind.Count && v.Area == gm)).ToList(),
            "compare" => mine.Where(v => v.Year == query.Year).OrderBy(v => v.Area == gm ? 0 : 1).ThenBy(v => v.Area, StringComparer.Ordinal).ToList(),
            "multiples" => mine.Where(v => v.Area != gm).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view."),
        };
    }

    /// <summary>The view's title, for its heading, its chart's label and its downloads.</summary>
    public static string Title(string view, ExploreQuery query) => view switch
    {
        "trend" => query.Area == Ssda903Measures.GreaterManchester ? "Greater Manchester over time" : $"{query.Area} over time",
        "compare" => $"Greater Manchester and each authority, {query.Year}",
        _ => "Each authority over time",
    };

    /// <summary>The Vega-Lite specification of a view.</summary>
    public static string Spec(string view, ExploreQuery query, IReadOnlyList<MeasureValue> rows)
    {
        var categories = query.Measure.HasCategories;
        var values = new JsonArray();
        foreach (var v in rows.Where(v => v.Value is not null))
        {
            values.Add(new JsonObject
            {
                ["year"] = v.Year.ToString(),
                ["area"] = v.Area,
                ["category"] = v.Category,
                ["value"] = v.Value,
            });
        }

        var unit = query.Measure.Unit;
        var y = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["title"] = unit };
        var tooltip = new JsonArray(Field("area", "nominal", "Area"), Field("year", "ordinal", "Year"), Field("value", "quantitative", unit));
        if (categories)
        {
            tooltip.Add(Field("category", "nominal", "Category"));
        }

        var spec = new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["description"] = $"{query.Measure.Title}: {Title(view, query)}",
            ["data"] = new JsonObject { ["values"] = values },
        };
        var colour = categories ? Field("category", "nominal", "Category") : Field("area", "nominal", "Area");
        switch (view)
        {
            case "trend":
                spec["width"] = "container";
                spec["height"] = 240;
                spec["mark"] = categories ? new JsonObject { ["type"] = "bar" } : new JsonObject { ["type"] = "line", ["point"] = true };
                spec["encoding"] = new JsonObject
                {
                    ["x"] = Field("year", "ordinal", "Collection year"),
                    ["y"] = y,
                    ["color"] = colour,
                    ["tooltip"] = tooltip,
                };
                break;
            case "compare":
                spec["width"] = "container";
                spec["mark"] = new JsonObject { ["type"] = "bar" };
                var areaAxis = Field("area", "nominal", "Area");
                areaAxis["sort"] = null;
                spec["encoding"] = new JsonObject
                {
                    ["y"] = areaAxis,
                    ["x"] = y,
                    ["color"] = categories ? colour : new JsonObject
                    {
                        ["condition"] = new JsonObject { ["test"] = "datum.area === 'GM'", ["value"] = "#0b0c0c" },
                        ["value"] = "#1d70b8",
                    },
                    ["tooltip"] = tooltip,
                };
                break;
            default:
                // Columns are set by the page script from the space available; 5 without it.
                spec["columns"] = 5;
                spec["facet"] = Field("area", "nominal", "Authority");
                spec["spec"] = new JsonObject
                {
                    ["width"] = 130,
                    ["height"] = 90,
                    ["mark"] = new JsonObject { ["type"] = "line", ["point"] = false },
                    ["encoding"] = new JsonObject
                    {
                        ["x"] = new JsonObject { ["field"] = "year", ["type"] = "ordinal", ["title"] = null, ["axis"] = new JsonObject { ["labels"] = false, ["ticks"] = false } },
                        ["y"] = y,
                        ["color"] = categories ? colour : new JsonObject { ["value"] = "#1d70b8" },
                        ["tooltip"] = tooltip,
                    },
                };
                break;
        }

        // Safe inside a <script type="application/json"> element.
        return spec.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }

    /// <summary>Formats a figure as its table shows it ("c" when withheld).</summary>
    public static string Format(MeasureValue? v) => v is null ? "–" : v.Value is { } x ? x.ToString(v.Kind == MeasureKind.Count ? "N0" : "N1", CultureInfo.InvariantCulture) : "c";

    private static JsonObject Field(string field, string type, string title) => new() { ["field"] = field, ["type"] = type, ["title"] = title };
}
