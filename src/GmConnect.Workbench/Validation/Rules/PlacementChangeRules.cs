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

    // Postcode areas wholly outside England (Northern Ireland, Scotland, Wales). Areas that cross a border (TD, SY, CH,
    // HR, LL's neighbours…) are taken as England, so a placement there is judged.
    private static readonly HashSet<string> AreasOutsideEngland =
    [
        "BT", "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE", "CF", "LD", "LL", "NP", "SA",
    ];

    public static IEnumerable<Rule> All()
    {
        // As the reference: a P2 episode ending after 27 October 2023, or still open.
        yield return new("217t", ctx => Checks.Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "P2") && (t.Blank(r, "DEC") || t.Date(r, "DEC") is not { } dec || dec > P2Ended)), 2023, 2023);

        // As the reference: an H5 episode ending on or after 29 October 2023, or still open, without a URN (blank or the
        // XXXXXXX placeholder), unless placed outside England. The reference reads that from PL_LA, which it derives
        // from a national postcode file; a return does not carry it, so where there is no PL_LA column the placement
        // postcode's area says it (PL_POST in Northern Ireland, Scotland or Wales).
        yield return new("230", ctx => Checks.Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "H5")
            && (t.Blank(r, "DEC") || t.Date(r, "DEC") is not { } dec || dec > P2Ended)
            && (t.Blank(r, "URN") || t.Is(r, "URN", "XXXXXXX"))
            && !OutsideEngland(t, r)), 2023, 2023);
    }

    private static bool OutsideEngland(Ssda903Table t, int r)
    {
        if (t.HasColumn("PL_LA"))
        {
            return t.Get(r, "PL_LA") is { Length: > 0 } la && char.ToUpperInvariant(la[0]) is 'N' or 'W' or 'S';
        }

        if (t.Get(r, "PL_POST") is not { Length: > 0 } postcode)
        {
            return false;
        }

        var area = new string(postcode.Trim().TakeWhile(char.IsLetter).Take(2).Select(char.ToUpperInvariant).ToArray());
        return AreasOutsideEngland.Contains(area);
    }
}
