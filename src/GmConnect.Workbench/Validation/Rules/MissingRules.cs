using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on Missing (missing and away-without-authorisation periods).</summary>
internal static class MissingRules
{
    private const ReturnTable M = ReturnTable.Missing;
    private const ReturnTable E = ReturnTable.Episodes;

    public static IEnumerable<Rule> All()
    {
        yield return new("1004", Date(M, "MIS_START", required: true));
        yield return new("1005", Date(M, "MIS_END"));
        yield return new("1006", Code(M, "MISSING", _ => CodeLists.MissingType));
        yield return new("564", ctx => Rows(ctx, M, (t, r) => t.Filled(r, "MISSING") && t.Blank(r, "MIS_START")));
        yield return new("565", ctx => Rows(ctx, M, (t, r) => t.Filled(r, "MIS_START") && t.Blank(r, "MISSING")));
        yield return new("566", ctx => Rows(ctx, M, (t, r) => t.Filled(r, "MIS_END") && t.Blank(r, "MISSING")));
        yield return new("567", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && t.Date(r, "MIS_END") is { } e && e < s));
        yield return new("570", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") > ctx.End));
        yield return new("571", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_END") is { } e && (e < ctx.Start || e > ctx.End)));
        yield return new("586", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob && s < dob));
        yield return new("574", Rule574);
        // As the reference: a missing period that starts within none of the child's episodes (before care, between
        // periods of care or after it ended).
        yield return new("581", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && ctx.EpisodesOf(t.Child(r)) is { Count: > 0 } eps
            && !eps.Any(e => ctx.Episodes.Date(e, "DECOM") <= s && (ctx.Episodes.Blank(e, "DEC") || s <= ctx.Episodes.Date(e, "DEC")))));
        // 578 and 577 as the reference reads them, against the child's periods of care: a missing period that starts
        // outside every period (578), or that is open when its period has ended or lies outside every period (577).
        yield return new("578", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && Periods(ctx, t.Child(r)) is { Count: > 0 } periods
            && periods.All(p => s < p.Start || (p.End is { } end && s > end))));
        yield return new("577", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && Periods(ctx, t.Child(r)) is { Count: > 0 } periods
            && periods.All(p => t.Date(r, "MIS_END") is { } e ? e > p.End || e < p.Start : t.Blank(r, "MIS_END") && (p.End is not null || s < p.Start))));
        // As the reference: a missing period ending on the child's 18th birthday, the day care ended, means care ended
        // while missing (E8); the episode is reported.
        yield return new("580", Rule580);
        yield return new("575", Rule575);
    }

    // As the reference: a child's missing periods in order of end (an open one at its start), each against the one before.
    private static IEnumerable<(ReturnTable, int)> Rule574(ValidationContext ctx)
    {
        var t = ctx[M];
        foreach (var group in t.Rows.Where(r => t.Date(r, "MIS_START") is not null).GroupBy(t.Child))
        {
            var rows = group.OrderBy(r => t.Date(r, "MIS_END") ?? t.Date(r, "MIS_START")).ThenBy(r => t.Date(r, "MIS_START")).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                var prevEnd = t.Date(rows[i - 1], "MIS_END");
                if (prevEnd is null || t.Date(rows[i], "MIS_START") < prevEnd)
                {
                    yield return (M, rows[i]);
                }
            }
        }
    }

    // An open missing period that starts in an episode (placement) that has ended, whatever the reason (as the reference).
    private static IEnumerable<(ReturnTable, int)> Rule575(ValidationContext ctx)
    {
        var t = ctx[M];
        foreach (var r in t.Rows)
        {
            if (t.Blank(r, "MIS_END") && t.Date(r, "MIS_START") is { } start
                && ctx.EpisodesOf(t.Child(r)).Any(e => ctx.Episodes.Date(e, "DECOM") <= start && ctx.Episodes.Date(e, "DEC") is { } dec && start <= dec))
            {
                yield return (M, r);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule580(ValidationContext ctx)
    {
        var t = ctx[M];
        foreach (var r in t.Rows)
        {
            if (t.Date(r, "MIS_END") is { } end && (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob && dob.AddYears(18) == end)
            {
                foreach (var e in ctx.EpisodesOf(t.Child(r)))
                {
                    if (ctx.Episodes.Date(e, "DEC") == end && !ctx.Episodes.Is(e, "REC", "E8"))
                    {
                        yield return (E, e);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The child's periods of care as the reference builds them: episodes in DECOM order, a new period when an episode
    /// starts after the previous one ended; a period runs from its first DECOM to its last episode's DEC (null: open).
    /// </summary>
    private static List<(DateOnly Start, DateOnly? End)> Periods(ValidationContext ctx, string child)
    {
        var periods = new List<(DateOnly Start, DateOnly? End)>();
        DateOnly? previousEnd = null;
        foreach (var e in ctx.EpisodesOf(child))
        {
            if (ctx.Episodes.Date(e, "DECOM") is not { } decom)
            {
                continue;
            }

            var dec = ctx.Episodes.Date(e, "DEC");
            if (periods.Count == 0 || decom > previousEnd)
            {
                periods.Add((decom, dec));
            }
            else
            {
                periods[^1] = (periods[^1].Start, dec);
            }

            previousEnd = dec;
        }

        return periods;
    }
}
