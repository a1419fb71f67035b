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
        yield return new("581", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s
            && ctx.EpisodesOf(t.Child(r)) is { Count: > 0 } eps && ctx.Episodes.Date(eps[0], "DECOM") is { } first && s < first));
        yield return new("578", ctx => Rows(ctx, M, (t, r) => t.Date(r, "MIS_START") is { } s && Ceased(ctx, t.Child(r)) is { } c && s > ctx.Episodes.Date(c, "DEC")));
        yield return new("577", ctx => OpenWhenCeased(ctx, _ => true));
        yield return new("580", ctx => OpenWhenCeased(ctx, e => !ctx.Episodes.Is(e, "REC", "E8")).Where(h => h.Item1 == E));
        yield return new("575", Rule575);
    }

    /// <summary>The child's final episode if it ends the child's care (REC filled, not X1), else null.</summary>
    private static int? Ceased(ValidationContext ctx, string child)
    {
        var eps = ctx.EpisodesOf(child);
        if (eps.Count == 0)
        {
            return null;
        }

        var last = eps[^1];
        return ctx.Episodes.Filled(last, "REC") && !ctx.Episodes.Is(last, "REC", "X1") && ctx.Episodes.Date(last, "DEC") is not null ? last : null;
    }

    private static IEnumerable<(ReturnTable, int)> OpenWhenCeased(ValidationContext ctx, Func<int, bool> episode)
    {
        var t = ctx[M];
        foreach (var r in t.Rows)
        {
            if (t.Filled(r, "MIS_START") && t.Blank(r, "MIS_END") && Ceased(ctx, t.Child(r)) is { } last && episode(last)
                && t.Date(r, "MIS_START") <= ctx.Episodes.Date(last, "DEC"))
            {
                yield return (M, r);
                yield return (E, last);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule574(ValidationContext ctx)
    {
        var t = ctx[M];
        foreach (var group in t.Rows.Where(r => t.Date(r, "MIS_START") is not null).GroupBy(t.Child))
        {
            var rows = group.OrderBy(r => t.Date(r, "MIS_START")).ToList();
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

    // An open missing period inside an episode that has ended.
    private static IEnumerable<(ReturnTable, int)> Rule575(ValidationContext ctx)
    {
        var t = ctx[M];
        foreach (var r in t.Rows)
        {
            if (t.Blank(r, "MIS_END") && t.Date(r, "MIS_START") is { } start)
            {
                var eps = ctx.EpisodesOf(t.Child(r));
                var during = eps.LastOrDefault(e => ctx.Episodes.Date(e, "DECOM") <= start, -1);
                if (during >= 0 && ctx.Episodes.Date(during, "DEC") is { } dec && dec >= start
                    && !ctx.Episodes.Is(during, "REC", "X1"))
                {
                    yield return (M, r);
                }
            }
        }
    }
}
