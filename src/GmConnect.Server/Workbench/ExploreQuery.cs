using System.Globalization;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace GmConnect.Server.Workbench;

/// <summary>
/// What an explorer view shows, read from and written back to its query string, so that a view can be shared by its
/// address: <c>measure</c>, <c>area</c> (GM or an authority), <c>year</c> (2024/25 as <c>2025</c>), and the filters
/// <c>sex</c>, <c>ethnicity</c>, <c>uasc</c> (yes/no), <c>age</c> (age band when first looked after), <c>legal</c>
/// (legal status code), <c>placement</c> (placement type code). A value the data do not know is reported, not guessed.
/// </summary>
internal sealed class ExploreQuery
{
    public static readonly string[] Keys = ["measure", "area", "year", "sex", "ethnicity", "uasc", "age", "legal", "placement"];

    private ExploreQuery(MeasureInfo measure, string area, CollectionYear year, ExploreFilter filter, IReadOnlyDictionary<string, string> errors)
    {
        Measure = measure;
        Area = area;
        Year = year;
        Filter = filter;
        Errors = errors;
    }

    public MeasureInfo Measure { get; }

    public string Area { get; }

    public CollectionYear Year { get; }

    public ExploreFilter Filter { get; }

    /// <summary>Values that were not understood, by query key, with the message to show.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    public static ExploreQuery Parse(IQueryCollection query, ExploreDataset data, string defaultMeasure = "cla_31_march")
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Get(string key) => query[key].ToString() is { Length: > 0 } v ? v.Trim() : null;

        var measure = MeasureCatalogue.Find(Get("measure") ?? defaultMeasure);
        if (measure is null)
        {
            errors["measure"] = "Select a measure from the list";
            measure = MeasureCatalogue.Find(defaultMeasure)!;
        }

        var area = Get("area") ?? Ssda903Measures.GreaterManchester;
        if (area != Ssda903Measures.GreaterManchester && !data.Authorities.Contains(area, StringComparer.Ordinal))
        {
            errors["area"] = "Select Greater Manchester or one of the ten authorities";
            area = Ssda903Measures.GreaterManchester;
        }

        var year = data.Years.Count > 0 ? data.Years[^1] : new CollectionYear(2024);
        if (Get("year") is { } y)
        {
            if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var end) && data.Years.Contains(new CollectionYear(end - 1)))
            {
                year = new CollectionYear(end - 1);
            }
            else
            {
                errors["year"] = "Select a collection year from the list";
            }
        }

        string? Pick(string key, IEnumerable<string> allowed, string message)
        {
            var value = Get(key);
            if (value is null || allowed.Contains(value, StringComparer.Ordinal))
            {
                return value;
            }

            errors[key] = message;
            return null;
        }

        var sex = Pick("sex", ExploreFilter.Sexes.Select(s => s.Code), "Select a sex from the list");
        var ethnicity = Pick("ethnicity", ExploreFilter.EthnicGroups.Select(s => s.Code), "Select an ethnic group from the list");
        var uascText = Pick("uasc", ["yes", "no"], "Select whether to show unaccompanied asylum-seeking children");
        var age = Pick("age", ExploreFilter.AgeBands, "Select an age band from the list");
        var legal = Pick("legal", Categories(data, "cla_by_legal_status"), "Select a legal status from the list");
        var placement = Pick("placement", Categories(data, "cla_by_placement"), "Select a placement type from the list");
        var filter = new ExploreFilter(sex, ethnicity, uascText is null ? null : uascText == "yes", age, legal, placement);
        return new ExploreQuery(measure, area, year, filter, errors);
    }

    /// <summary>The same view of another measure.</summary>
    public ExploreQuery WithMeasure(MeasureInfo measure) => new(measure, Area, Year, Filter, Errors);

    /// <summary>The categories a breakdown measure has anywhere in the unfiltered data (the choices a filter offers).</summary>
    public static IReadOnlyList<string> Categories(ExploreDataset data, string measure) => data.Categories(measure);

    /// <summary>This view's query string, with some values replaced (null removes a key); defaults are left out.</summary>
    public string With(string path, params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["measure"] = Measure.Name,
            ["area"] = Area == Ssda903Measures.GreaterManchester ? null : Area,
            ["year"] = Year.EndYear.ToString(CultureInfo.InvariantCulture),
            ["sex"] = Filter.Sex,
            ["ethnicity"] = Filter.EthnicGroup,
            ["uasc"] = Filter.Uasc is { } u ? (u ? "yes" : "no") : null,
            ["age"] = Filter.EntryAgeBand,
            ["legal"] = Filter.LegalStatus,
            ["placement"] = Filter.Placement,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryHelpers.AddQueryString(path, values.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
    }

    /// <summary>The filters in words, for captions and exports ("all children" when none).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        var f = Filter;
        if (f.Sex is not null)
        {
            parts.Add("sex " + ExploreFilter.Sexes.First(s => s.Code == f.Sex).Label.ToLowerInvariant());
        }

        if (f.EthnicGroup is not null)
        {
            parts.Add("ethnic group " + ExploreFilter.EthnicGroups.First(s => s.Code == f.EthnicGroup).Label);
        }

        if (f.Uasc is { } u)
        {
            parts.Add(u ? "unaccompanied asylum-seeking children" : "not unaccompanied asylum-seeking children");
        }

        if (f.EntryAgeBand is not null)
        {
            parts.Add("aged " + f.EntryAgeBand + " when first looked after");
        }

        if (f.LegalStatus is not null)
        {
            parts.Add("legal status " + f.LegalStatus);
        }

        if (f.Placement is not null)
        {
            parts.Add("placement type " + f.Placement);
        }

        return parts.Count == 0 ? "all children" : string.Join(", ", parts);
    }
}
