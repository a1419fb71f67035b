using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// Whether an episode's placement is outside England, for the rules that exempt such placements (218, 230): the
/// reference reads PL_LA, a field it derives from a national postcode file: with that file given the derived PL_LA
/// says it; where the table carries a PL_LA column, that; otherwise the placement postcode's area.
/// </summary>
internal static class PlacementLocation
{
    // Postcode areas wholly outside England: Northern Ireland, Scotland and Wales. Areas that cross a border (TD, SY,
    // CH, HR, …) are taken as England, so a placement there is judged.
    private static readonly HashSet<string> OutsideEnglandAreas =
    [
        "BT", "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE", "CF", "LD", "LL", "NP", "SA",
    ];

    // The Channel Islands and the Isle of Man.
    private static readonly HashSet<string> CrownDependencyAreas = ["GY", "JE", "IM"];

    /// <summary>
    /// True for a placement in Northern Ireland, Scotland or Wales (PL_LA starting N, W or S), and with
    /// <paramref name="crownDependencies"/> also the Channel Islands and the Isle of Man (PL_LA starting C).
    /// </summary>
    public static bool OutsideEngland(ValidationContext ctx, Ssda903Table t, int r, bool crownDependencies = false)
    {
        if (ctx.Lookups.Postcodes is { } postcodes && ctx.AuthorityCode is not null)
        {
            // SCO, NIR, WAL; a Channel Islands or Isle of Man postcode has a district code starting L or M.
            return ctx.Geography.La[r] is { Length: > 0 } derived && derived[0] is 'S' or 'N' or 'W'
                || (crownDependencies && postcodes.Find(t.Get(r, "PL_POST"))?.District is { Length: > 0 } d && char.ToUpperInvariant(d[0]) is 'L' or 'M');
        }

        if (t.HasColumn("PL_LA"))
        {
            return t.Get(r, "PL_LA") is { Length: > 0 } la
                && char.ToUpperInvariant(la[0]) is var c && (c is 'N' or 'W' or 'S' || (crownDependencies && c == 'C'));
        }

        if (t.Get(r, "PL_POST") is not { Length: > 0 } postcode)
        {
            return false;
        }

        var area = new string([.. postcode.Trim().TakeWhile(char.IsLetter).Take(2).Select(char.ToUpperInvariant)]);
        return OutsideEnglandAreas.Contains(area) || (crownDependencies && CrownDependencyAreas.Contains(area));
    }
}
