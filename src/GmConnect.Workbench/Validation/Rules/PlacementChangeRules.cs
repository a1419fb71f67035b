using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>
/// The placement-type changes of 28 October 2023 (2023/24 only; the 2024/25 code lists no longer have P2): placements
/// with a parent or person with parental responsibility in the community (P2) ended, and supported accommodation (H5)
/// needs an Ofsted registration (URN).
/// </summary>
internal static class PlacementChangeRules
{
    private const ReturnTable E = ReturnTable.Episodes;

    private static readonly DateOnly P2Ended = new(2023, 10, 28);

    public static IEnumerable<Rule> All()
    {
        // As the reference: a P2 episode ending after 28 October 2023, or still open.
        yield return new("217t", ctx => Checks.Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "P2") && (t.Blank(r, "DEC") || t.Date(r, "DEC") is not { } dec || dec > P2Ended)), 2023, 2023);

        // As the reference: an H5 episode ending on or after 29 October 2023, or still open, without a URN (blank or the
        // XXXXXXX placeholder), unless placed outside England (PlacementLocation).
        yield return new("230", ctx => Checks.Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "H5")
            && (t.Blank(r, "DEC") || t.Date(r, "DEC") is not { } dec || dec > P2Ended)
            && (t.Blank(r, "URN") || t.Is(r, "URN", "XXXXXXX"))
            && !PlacementLocation.OutsideEngland(ctx, t, r)), 2023, 2023);
    }
}
