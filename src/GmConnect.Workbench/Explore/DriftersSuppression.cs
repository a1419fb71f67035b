using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Stories;

namespace GmConnect.Workbench.Explore;

/// <summary>
/// Small-number suppression for the drifters story, by the rule of <see cref="Suppression"/>: outside the viewer's own
/// authority a count of 1–4 is withheld, and the shares still in care are withheld when they rest on fewer than 5
/// children.
/// </summary>
internal static class DriftersSuppression
{
    public static DriftersRow Apply(DriftersResult d, string? viewer)
    {
        var own = string.Equals(d.Area, viewer, StringComparison.OrdinalIgnoreCase);
        int? Count(int n) => own || n is 0 or >= Suppression.Threshold ? n : null;
        double? Share(double? s) => own || d.Children >= Suppression.Threshold ? s : null;
        return new DriftersRow(d.Area, d.Cohort, Count(d.Children), Share(d.StillInCareAfter2Years), Share(d.StillInCareAfter3Years),
            Share(d.StillInCareAfter4Years), Count(d.LeftByAdoption), Count(d.LeftByReturnHome),
            Count(d.LeftBySpecialGuardianshipOrChildArrangements), Count(d.LeftOtherwise), Count(d.StillInCare));
    }
}
