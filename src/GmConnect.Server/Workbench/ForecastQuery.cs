using System.Globalization;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Forecast;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GmConnect.Server.Workbench;

/// <summary>
/// The forecast's scenario as the address carries it (<c>area</c>, <c>years</c>, <c>reference</c>, the multipliers
/// <c>entry</c>, <c>exit</c>, <c>move</c> and the weekly costs), parsed against the loaded data with a message per bad
/// field; the forecast page and a report's forecast chart read it the same way, so both draw the same figures.
/// </summary>
internal sealed class ForecastQuery
{
    /// <summary>The keys the scenario form sends, in the form's order.</summary>
    public static readonly string[] Keys = ["area", "years", "reference", "entry", "exit", "move", "fostering", "residential", "supported", "other"];

    private readonly Dictionary<string, string> raw;

    private ForecastQuery(Dictionary<string, string> raw) => this.raw = raw;

    /// <summary>Each bad field's key and the message to show beside it.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary><c>GM</c> or an authority's name.</summary>
    public string Area { get; private set; } = Ssda903Measures.GreaterManchester;

    public int YearsAhead { get; private set; } = 3;

    public int ReferenceYears { get; private set; } = 3;

    public ForecastScenario Scenario { get; private set; } = new("scenario", 1, 1, 1);

    public PlacementCosts Costs { get; private set; } = new();

    /// <summary>What the user typed for a field (for the form), or null.</summary>
    public string? Raw(string key) => raw.GetValueOrDefault(key);

    /// <summary>Reads the scenario from the address; anything missing takes its default.</summary>
    public static ForecastQuery Parse(IQueryCollection query, ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(data);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()))
            {
                raw[key] = value.ToString();
            }
        }

        var q = new ForecastQuery(raw);
        q.Area = q.Raw("area") ?? Ssda903Measures.GreaterManchester;
        if (q.Area != Ssda903Measures.GreaterManchester && !data.Authorities.Contains(q.Area, StringComparer.Ordinal))
        {
            q.Errors["area"] = "Select Greater Manchester or one of the ten authorities";
            q.Area = Ssda903Measures.GreaterManchester;
        }

        q.YearsAhead = q.Whole("years", 3, 1, 5, "Years ahead must be a whole number from 1 to 5");
        q.ReferenceYears = q.Whole("reference", 3, 1, Math.Max(1, data.Years.Count), $"Years of history must be a whole number from 1 to {data.Years.Count}");
        var entry = q.Number("entry", 1, 0, 5, "Entries must be a multiplier from 0 to 5, such as 1.1");
        var exit = q.Number("exit", 1, 0, 5, "Exits must be a multiplier from 0 to 5, such as 0.9");
        var move = q.Number("move", 1, 0, 5, "Moves must be a multiplier from 0 to 5, such as 1");
        q.Scenario = new ForecastScenario("scenario", entry, exit, move);
        var defaults = new PlacementCosts();
        q.Costs = new PlacementCosts
        {
            Fostering = (decimal)q.Number("fostering", (double)defaults.Fostering, 0, 100_000, "The weekly cost of fostering must be a number of pounds from 0 to 100,000"),
            Residential = (decimal)q.Number("residential", (double)defaults.Residential, 0, 100_000, "The weekly cost of residential care must be a number of pounds from 0 to 100,000"),
            Supported = (decimal)q.Number("supported", (double)defaults.Supported, 0, 100_000, "The weekly cost of supported accommodation must be a number of pounds from 0 to 100,000"),
            Other = (decimal)q.Number("other", (double)defaults.Other, 0, 100_000, "The weekly cost of other placements must be a number of pounds from 0 to 100,000"),
        };
        return q;
    }

    /// <summary>The model fitted on the area's recent years and its projection, baseline and scenario; null when there is nothing to fit.</summary>
    public (DemandModel Fitted, IReadOnlyList<ForecastValue> Values)? Project(ExploreDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Errors.Count > 0 || data.Model(Area, ReferenceYears) is not { } fitted)
        {
            return null;
        }

        return (fitted, fitted.Project(YearsAhead, [ForecastScenario.Baseline, Scenario], Costs));
    }

    /// <summary>The scenario as a query string (no leading <c>?</c>), only the fields given, in the form's order.</summary>
    public string ToQueryString() => With("").TrimStart('?');

    /// <summary>The address of <paramref name="path"/> with this scenario and the given changes (a null value removes its key).</summary>
    public string With(string path, params (string Key, string? Value)[] changes)
    {
        var values = Keys.Where(raw.ContainsKey).Select(k => (Key: k, Value: (string?)raw[k])).ToList();
        foreach (var (key, value) in changes)
        {
            values.RemoveAll(v => v.Key == key);
            values.Add((key, value));
        }

        return QueryHelpers.AddQueryString(path, values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }

    /// <summary>The scenario in words: area, horizon, history and the multipliers that differ from 1.</summary>
    public string Describe()
    {
        var area = Area == Ssda903Measures.GreaterManchester ? "Greater Manchester" : Area;
        var parts = new List<string> { area, $"{YearsAhead} year{(YearsAhead == 1 ? "" : "s")} ahead", $"fitted on {ReferenceYears} year{(ReferenceYears == 1 ? "" : "s")}" };
        void Multiplier(string what, double value)
        {
            if (value != 1)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{what} × {value:0.##}"));
            }
        }

        Multiplier("entries", Scenario.EntryMultiplier);
        Multiplier("exits", Scenario.ExitMultiplier);
        Multiplier("moves", Scenario.MoveMultiplier);
        var defaults = new PlacementCosts();
        if (Costs.Fostering != defaults.Fostering || Costs.Residential != defaults.Residential || Costs.Supported != defaults.Supported || Costs.Other != defaults.Other)
        {
            parts.Add("own weekly costs");
        }

        return string.Join("; ", parts);
    }

    private int Whole(string key, int fallback, int min, int max, string message)
    {
        if (Raw(key) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        Errors[key] = message;
        return fallback;
    }

    private double Number(string key, double fallback, double min, double max, string message)
    {
        if (Raw(key) is not { } text)
        {
            return fallback;
        }

        if (double.TryParse(text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        Errors[key] = message;
        return fallback;
    }
}
