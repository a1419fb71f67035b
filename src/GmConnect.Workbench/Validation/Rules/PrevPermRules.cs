using System.Text.RegularExpressions;
using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on PrevPerm (previous permanence option before this period of care).</summary>
internal static partial class PrevPermRules
{
    private const ReturnTable P = ReturnTable.PrevPerm;

    private static readonly DateOnly From2016 = new(2016, 4, 1);

    // Dates of a previous order may have an unknown day, or day and month: ZZ/MM/YYYY or ZZ/ZZ/YYYY.
    [GeneratedRegex("^ZZ/(ZZ|[01][0-9])/[12][0-9]{3}$")]
    private static partial Regex PermDate();

    [GeneratedRegex("^([2-9][0-9]{2}|NIR|SCO|WAL|NUK)$")]
    private static partial Regex LaCode();

    public static IEnumerable<Rule> All()
    {
        yield return new("631", Code(P, "PREV_PERM", _ => CodeLists.PrevPerm));
        yield return new("633", ctx => Rows(ctx, P, (t, r) => t.Get(r, "LA_PERM") is { } la && !LaCode().IsMatch(la)));
        yield return new("635", ctx => Rows(ctx, P, (t, r) => t.Is(r, "PREV_PERM", "Z1") && (t.Filled(r, "LA_PERM") || t.Filled(r, "DATE_PERM"))));
        yield return new("632", Rule632);
        // As the reference: a start of care in the year needs a PrevPerm row with PREV_PERM, and with the LA and date
        // unless it is Z1. The item began on 1 April 2016 (as 634 says), so starts before then are not judged: that
        // changes nothing for the 2023/24 and 2024/25 collections and stops older years' returns failing en masse.
        yield return new("630", ctx => Rows(ctx, ReturnTable.Episodes, (t, r) => t.Is(r, "RNE", "S") && t.Date(r, "DECOM") is { } d && d >= ctx.Start && d <= ctx.End && d >= From2016
            && ctx.RowsOf(P, t.Child(r)) is var rows && (rows.Count == 0 || rows.Any(p => ctx[P].Blank(p, "PREV_PERM")
                || (!ctx[P].Is(p, "PREV_PERM", "Z1") && (ctx[P].Blank(p, "LA_PERM") || ctx[P].Blank(p, "DATE_PERM")))))));
        yield return new("634", Rule634);
    }

    // Previous permanence given for a child none of whose episodes started from 1 April 2016 (when the item began); as
    // the reference, any episode counts and the PrevPerm row and the child's episodes are reported. (The reference's
    // code compares with the collection start, its comment and the message with 1 April 2016, which we follow.)
    private static IEnumerable<(ReturnTable, int)> Rule634(ValidationContext ctx)
    {
        var t = ctx[P];
        var since = From2016;
        for (var r = 0; r < t.Count; r++)
        {
            var eps = ctx.EpisodesOf(t.Child(r));
            if ((t.Filled(r, "PREV_PERM") || t.Filled(r, "LA_PERM") || t.Filled(r, "DATE_PERM"))
                && eps.Select(e => ctx.Episodes.Date(e, "DECOM")).Where(d => d is not null).Max() is { } last && last < since)
            {
                yield return (P, r);
                foreach (var e in eps)
                {
                    yield return (ReturnTable.Episodes, e);
                }
            }
        }
    }

    // As the reference (and the DfE logic it quotes): for a child with episodes, a DATE_PERM must be a valid date, with
    // unknown leading parts as ZZ (ZZ/MM/YYYY, ZZ/ZZ/YYYY, or ZZ/ZZ/ZZZZ for wholly unknown), and before the start of the
    // child's first episode in the return, taking an unknown day or month as the latest it could be. The PrevPerm row
    // and that episode are reported.
    private static IEnumerable<(ReturnTable, int)> Rule632(ValidationContext ctx)
    {
        var t = ctx[P];
        foreach (var r in t.Rows)
        {
            if (t.Get(r, "DATE_PERM") is not { } raw || raw == "ZZ/ZZ/ZZZZ" || ctx.EpisodesOf(t.Child(r)) is not { Count: > 0 } eps)
            {
                continue;
            }

            var first = ctx.Episodes.Date(eps[0], "DECOM");
            if (first is null)
            {
                continue;
            }

            if (LatestPossible(raw) is not { } latest || latest >= first)
            {
                yield return (P, r);
                yield return (ReturnTable.Episodes, eps[0]);
            }
        }
    }

    private static DateOnly? LatestPossible(string raw)
    {
        var parts = raw.Split('/');
        if (parts.Length != 3 || !PermDate().IsMatch(raw))
        {
            return parts.Length == 3 && parts[0] != "ZZ" && parts[1] != "ZZ" ? Dates.Parse(raw) : null;
        }

        if (parts[0] != "ZZ")
        {
            return Dates.Parse(raw);
        }

        var year = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        if (parts[1] == "ZZ")
        {
            return new DateOnly(year, 12, 31);
        }

        var month = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : null;
    }
}
