namespace GmConnect.Workbench.Explore;

/// <summary>
/// A line of the drifters story as the explorer shows it: as <see cref="Stories.DriftersResult"/>, with any figure
/// withheld (null, shown as "c") that would reveal a small number to a viewer outside the area.
/// </summary>
public sealed record DriftersRow(
    string Area,
    string Cohort,
    int? Children,
    double? StillInCareAfter2Years,
    double? StillInCareAfter3Years,
    double? StillInCareAfter4Years,
    int? LeftByAdoption,
    int? LeftByReturnHome,
    int? LeftBySpecialGuardianshipOrChildArrangements,
    int? LeftOtherwise,
    int? StillInCare);
