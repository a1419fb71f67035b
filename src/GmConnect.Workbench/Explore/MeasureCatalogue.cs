using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Explore;

/// <summary>Every measure <see cref="Ssda903Measures"/> computes, with the words the explorer puts on it.</summary>
public static class MeasureCatalogue
{
    /// <summary>The measures in the order the explorer lists them.</summary>
    public static IReadOnlyList<MeasureInfo> All { get; } =
    [
        new("cla_31_march", "Children looked after at 31 March", "Children looked after on 31 March, not counting respite-only care.", MeasureKind.Count, "children", false, "Looked after"),
        new("cla_rate_per_10000", "Rate looked after per 10,000 children", "Children looked after at 31 March per 10,000 children aged 0–17 (ONS mid-year estimates).", MeasureKind.Rate, "per 10,000", false, "Looked after"),
        new("cla_by_legal_status", "Looked after at 31 March by legal status", "Children looked after at 31 March by the legal status of their episode on that day.", MeasureKind.Count, "children", true, "Looked after"),
        new("cla_by_placement", "Looked after at 31 March by placement type", "Children looked after at 31 March by the placement type (PLACE code) on that day.", MeasureKind.Count, "children", true, "Looked after"),
        new("cla_by_placement_category", "Looked after at 31 March by placement category", "Fostering, residential, supported accommodation or other, on 31 March.", MeasureKind.Count, "children", true, "Looked after"),
        new("cla_by_provider", "Looked after at 31 March by placement provider", "Children looked after at 31 March by who provides the placement (PLACE_PROVIDER).", MeasureKind.Count, "children", true, "Looked after"),
        new("uasc_31_march", "Unaccompanied asylum-seeking children at 31 March", "Children looked after at 31 March who were unaccompanied asylum-seeking children on that day.", MeasureKind.Count, "children", false, "Looked after"),
        new("started", "Children who started to be looked after", "Children whose period of care (not respite) began in the year, each child once.", MeasureKind.Count, "children", false, "Starting and ceasing"),
        new("started_by_age", "Children who started to be looked after, by age", "Starters by DfE age band on the day their period of care began.", MeasureKind.Count, "children", true, "Starting and ceasing"),
        new("ceased", "Children who ceased to be looked after", "Children whose period of care ended in the year, each child once.", MeasureKind.Count, "children", false, "Starting and ceasing"),
        new("ceased_by_reason", "Children who ceased to be looked after, by reason", "Leavers by the standard grouping of the reason their care ended.", MeasureKind.Count, "children", true, "Starting and ceasing"),
        new("ceased_median_duration_days", "Median days in care of those who ceased", "The median length, in days, of the periods of care that ended in the year.", MeasureKind.Days, "days", false, "Starting and ceasing"),
        new("stability_3plus_placements", "Three or more placements in the year", "Percentage of children looked after at 31 March who had three or more placements during the year.", MeasureKind.Percent, "%", false, "Stability"),
        new("stability_long_term", "Long-term placement stability", "Percentage of children under 16 looked after for 2½ years or more who have been in the same placement for 2 years or more.", MeasureKind.Percent, "%", false, "Stability"),
        new("social_workers_3plus", "Three or more social workers in the year", "Percentage of children looked after at 31 March who had three or more social workers during the year (from 2023/24, when returns began to carry social worker episodes).", MeasureKind.Percent, "%", false, "Stability"),
        new("cla_placement_location", "Where children are placed", "Children looked after at 31 March placed inside their own authority, elsewhere in Greater Manchester, or where it is not known (no placement postcode, or a postcode outside GM), at postcode-sector level.", MeasureKind.Count, "children", true, "Placement location"),
        new("cla_by_distance_band", "Distance from home", "Children looked after at 31 March by the distance in miles between their home and placement postcode sectors (DfE formula); not known where either is outside GM or missing.", MeasureKind.Count, "children", true, "Placement location"),
        new("cla_over_20_miles", "Placed more than 20 miles from home", "Of children looked after at 31 March whose distance is known, the percentage placed more than 20 miles from home.", MeasureKind.Percent, "%", false, "Placement location"),
        new("missing_children", "Children who went missing", "Children looked after during the year who had a missing incident in it.", MeasureKind.Count, "children", false, "Missing and away"),
        new("missing_incidents", "Missing incidents", "Missing incidents in the year of children looked after.", MeasureKind.Count, "incidents", false, "Missing and away"),
        new("missing_children_percent", "Percentage of children who went missing", "Of children looked after during the year, the percentage with a missing incident.", MeasureKind.Percent, "%", false, "Missing and away"),
        new("away_children", "Children away from placement without authorisation", "Children looked after during the year who were away without authorisation in it.", MeasureKind.Count, "children", false, "Missing and away"),
        new("away_incidents", "Away-without-authorisation incidents", "Incidents in the year of children away from placement without authorisation.", MeasureKind.Count, "incidents", false, "Missing and away"),
        new("away_children_percent", "Percentage of children away without authorisation", "Of children looked after during the year, the percentage away without authorisation.", MeasureKind.Percent, "%", false, "Missing and away"),
        new("adopted", "Children adopted", "Children adopted from care in the year.", MeasureKind.Count, "children", false, "Adoption"),
        new("adoption_a1_days", "A1: entering care to placed for adoption", "Average days between entering care and moving in with the adoptive family, for children adopted in the year.", MeasureKind.Days, "days", false, "Adoption"),
        new("adoption_a10_days", "A10: entering care to moving in (foster carer adoptions from placement start)", "As A1, but counting from the start of the foster placement when the foster carers adopt.", MeasureKind.Days, "days", false, "Adoption"),
        new("adoption_a2_days", "A2: court authority to match", "Average days between the court's authority to place and the match with the adoptive family.", MeasureKind.Days, "days", false, "Adoption"),
    ];

    /// <summary>A measure by its name, or null.</summary>
    public static MeasureInfo? Find(string? name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
