using System.Globalization;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Explore;

/// <summary>
/// Which children the explorer's figures are computed over. The measures of part 1 are per area and year, so only
/// characteristics that belong to a child (not to one day of their care) can narrow the children they count:
/// sex, ethnic group, whether they were ever an unaccompanied asylum-seeking child, and the age band they were in
/// when they were first looked after. Legal status and placement type change from day to day, so they narrow the
/// categories of the breakdown measures instead (<see cref="Categories"/>), not the children. Null means "any".
/// </summary>
public sealed record ExploreFilter(string? Sex = null, string? EthnicGroup = null, bool? Uasc = null, string? EntryAgeBand = null,
    string? LegalStatus = null, string? Placement = null)
{
    /// <summary>No filter: every child, every category.</summary>
    public static ExploreFilter None { get; } = new();

    /// <summary>The sexes a filter may name (SEX 1/2 were read as M/F).</summary>
    public static IReadOnlyList<(string Code, string Label)> Sexes { get; } = [("M", "Male"), ("F", "Female"), ("U", "Not known or other")];

    /// <summary>The ethnic groups a filter may name, from the first letters of the DfE ETHNIC code.</summary>
    public static IReadOnlyList<(string Code, string Label)> EthnicGroups { get; } =
        [("white", "White"), ("mixed", "Mixed or multiple"), ("asian", "Asian or Asian British"), ("black", "Black or Black British"), ("other", "Other ethnic group"), ("unknown", "Refused or not known")];

    /// <summary>The DfE age bands (as <see cref="Ssda903Measures.AgeBand"/> names them).</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["0", "1-4", "5-9", "10-15", "16+"];

    /// <summary>Whether the filter narrows the children (and so needs the measures computed again).</summary>
    public bool NarrowsChildren => Sex is not null || EthnicGroup is not null || Uasc is not null || EntryAgeBand is not null;

    /// <summary>A stable text for the children part of the filter: the cache key of the figures computed over them.</summary>
    public string ChildrenKey => string.Create(CultureInfo.InvariantCulture, $"sex={Sex};eth={EthnicGroup};uasc={Uasc};age={EntryAgeBand}");

    /// <summary>Whether a child passes the children part of the filter.</summary>
    public bool Matches(ChildHistory child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (Sex is not null && !string.Equals(child.Sex ?? "U", Sex, StringComparison.Ordinal))
        {
            return false;
        }

        if (EthnicGroup is not null && GroupOf(child.Ethnic) != EthnicGroup)
        {
            return false;
        }

        if (Uasc is { } uasc && child.WasUasc != uasc)
        {
            return false;
        }

        if (EntryAgeBand is not null)
        {
            var first = child.Periods.FirstOrDefault(p => !p.IsRespite);
            if (first is null || Ssda903Measures.AgeBand(child.AgeOn(first.Start)) != EntryAgeBand)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a figure's category passes the category part of the filter: a legal status narrows
    /// <c>cla_by_legal_status</c>, a placement type (code) <c>cla_by_placement</c> and its category; other measures pass.
    /// </summary>
    public bool Categories(MeasureValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Measure switch
        {
            "cla_by_legal_status" => LegalStatus is null || value.Category == LegalStatus,
            "cla_by_placement" => Placement is null || value.Category == Placement,
            "cla_by_placement_category" => Placement is null || value.Category == PlacementCategories.Of(Placement),
            _ => true,
        };
    }

    /// <summary>The ethnic group of a DfE ETHNIC code.</summary>
    public static string GroupOf(string? ethnic) => ethnic switch
    {
        null or "" or "REFU" or "NOBT" => "unknown",
        "CHNE" => "asian",
        "OOTH" => "other",
        _ => ethnic[0] switch { 'W' => "white", 'M' => "mixed", 'A' => "asian", 'B' => "black", _ => "other" },
    };
}
