using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;

namespace GmConnect.Server.Workbench;

/// <summary>
/// The drifters story's two views: <c>areas</c> (every area, all entry cohorts: the share still in care 2, 3 and 4
/// years after entering aged 0–2, and how those who left, left) and <c>cohorts</c> (one area by year of entry).
/// </summary>
internal static class DriftersCharts
{
    public static readonly string[] Views = ["areas", "cohorts"];

    private static readonly string[] Columns =
        ["Children", "Still in care after 2 years (%)", "After 3 years (%)", "After 4 years (%)", "Left by adoption", "Returned home", "Left on an SGO or CAO", "Left otherwise", "Still in care"];

    public static IReadOnlyList<DriftersRow> Rows(string view, string area, IReadOnlyList<DriftersRow> all) => view switch
    {
        "areas" => all.Where(d => d.Cohort == "all").OrderBy(d => d.Area == Ssda903Measures.GreaterManchester ? 0 : 1).ThenBy(d => d.Area, StringComparer.Ordinal).ToList(),
        _ => all.Where(d => d.Area == area && d.Cohort != "all").ToList(),
    };

    public static string Title(string view, string area) => view switch
    {
        "areas" => "Still in care after 2, 3 and 4 years, by area",
        _ => $"{(area == Ssda903Measures.GreaterManchester ? "Greater Manchester" : area)} by year of entry",
    };

    public static ChartTable Table(string view, IReadOnlyList<DriftersRow> rows) =>
        new(view == "areas" ? "Area" : "Entered care in", Columns, rows.Select(d => (view == "areas" ? d.Area : d.Cohort, (IReadOnlyList<string>)Cells(d))).ToList());

    public static string ToCsv(IReadOnlyList<DriftersRow> rows)
    {
        var text = new StringBuilder("area,cohort,children,still_in_care_2y,still_in_care_3y,still_in_care_4y,left_adoption,left_return_home,left_sgo_cao,left_other,still_in_care\n");
        foreach (var d in rows)
        {
            text.AppendLine(string.Join(',', new[] { GmConnect.Workbench.Model.Csv.Escape(d.Area), d.Cohort }.Concat(Raw(d))));
        }

        return text.ToString();
    }

    public static string Spec(string view, string area, IReadOnlyList<DriftersRow> rows)
    {
        var values = new JsonArray();
        foreach (var d in rows)
        {
            foreach (var (years, share) in new[] { (2, d.StillInCareAfter2Years), (3, d.StillInCareAfter3Years), (4, d.StillInCareAfter4Years) })
            {
                if (share is { } s)
                {
                    values.Add(new JsonObject { ["area"] = d.Area, ["cohort"] = d.Cohort, ["after"] = $"{years} years", ["share"] = Math.Round(100 * s, 1) });
                }
            }
        }

        var spec = new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["description"] = Title(view, area),
            ["width"] = "container",
            ["data"] = new JsonObject { ["values"] = values },
            ["mark"] = view == "areas" ? new JsonObject { ["type"] = "bar" } : new JsonObject { ["type"] = "line", ["point"] = true },
            ["encoding"] = view == "areas"
                ? new JsonObject
                {
                    ["y"] = new JsonObject { ["field"] = "area", ["type"] = "nominal", ["title"] = "Area", ["sort"] = null },
                    ["yOffset"] = new JsonObject { ["field"] = "after", ["type"] = "nominal" },
                    ["x"] = new JsonObject { ["field"] = "share", ["type"] = "quantitative", ["title"] = "% still in care" },
                    ["color"] = new JsonObject { ["field"] = "after", ["type"] = "nominal", ["title"] = "After" },
                    ["tooltip"] = new JsonArray(new JsonObject { ["field"] = "area" }, new JsonObject { ["field"] = "after" }, new JsonObject { ["field"] = "share", ["title"] = "%" }),
                }
                : new JsonObject
                {
                    ["x"] = new JsonObject { ["field"] = "cohort", ["type"] = "ordinal", ["title"] = "Entered care in" },
                    ["y"] = new JsonObject { ["field"] = "share", ["type"] = "quantitative", ["title"] = "% still in care" },
                    ["color"] = new JsonObject { ["field"] = "after", ["type"] = "nominal", ["title"] = "After" },
                    ["tooltip"] = new JsonArray(new JsonObject { ["field"] = "cohort" }, new JsonObject { ["field"] = "after" }, new JsonObject { ["field"] = "share", ["title"] = "%" }),
                },
        };
        if (view == "cohorts")
        {
            spec["height"] = 240;
        }

        return spec.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private static List<string> Cells(DriftersRow d)
    {
        static string N(int? n) => n is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "c";
        string P(double? s) => s is { } v ? (100 * v).ToString("N1", CultureInfo.InvariantCulture) : d.Children is null ? "c" : "–";
        return [N(d.Children), P(d.StillInCareAfter2Years), P(d.StillInCareAfter3Years), P(d.StillInCareAfter4Years), N(d.LeftByAdoption), N(d.LeftByReturnHome),
            N(d.LeftBySpecialGuardianshipOrChildArrangements), N(d.LeftOtherwise), N(d.StillInCare)];
    }

    private static IEnumerable<string> Raw(DriftersRow d)
    {
        static string N(int? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "c";
        string P(double? s) => s is { } v ? Math.Round(v, 4).ToString(CultureInfo.InvariantCulture) : d.Children is null ? "c" : "";
        return [N(d.Children), P(d.StillInCareAfter2Years), P(d.StillInCareAfter3Years), P(d.StillInCareAfter4Years), N(d.LeftByAdoption), N(d.LeftByReturnHome),
            N(d.LeftBySpecialGuardianshipOrChildArrangements), N(d.LeftOtherwise), N(d.StillInCare)];
    }
}
