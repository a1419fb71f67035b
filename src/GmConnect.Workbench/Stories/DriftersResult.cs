namespace GmConnect.Workbench.Stories;

/// <summary>
/// The "drifters" figures for one area and entry cohort ("all" or a collection year of entry): how many children
/// entered care aged 0–2, the Kaplan–Meier share still in care 2, 3 and 4 years after entry (null where no child
/// was followed that long), and how those who left, left.
/// </summary>
public sealed record DriftersResult(
    string Area,
    string Cohort,
    int Children,
    double? StillInCareAfter2Years,
    double? StillInCareAfter3Years,
    double? StillInCareAfter4Years,
    int LeftByAdoption,
    int LeftByReturnHome,
    int LeftBySpecialGuardianshipOrChildArrangements,
    int LeftOtherwise,
    int StillInCare);
