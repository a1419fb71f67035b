using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on how a child's episodes follow one another (the episode chain).</summary>
internal static class EpisodeChainRules
{
    private const ReturnTable E = ReturnTable.Episodes;

    private static readonly string[] PlacementFields = ["PLACE", "PLACE_PROVIDER", "PL_POST", "URN"];

    public static IEnumerable<Rule> All()
    {
        // As the reference: every episode but the child's last (DECOM order) needs a valid DEC and a REC.
        yield return new("142", ctx => ctx.EpisodesByChild.Where(kv => kv.Key.Length > 0).SelectMany(kv => kv.Value.Take(kv.Value.Count - 1))
            .Where(r => ctx.Episodes.Date(r, "DECOM") is not null && (ctx.Episodes.Date(r, "DEC") is null || ctx.Episodes.Blank(r, "REC"))).Select(r => (E, r)));
        // As the reference: only a first episode that starts in the collection year can be judged a first ever
        // (one carried over from an earlier year may follow episodes in earlier returns).
        yield return new("357", ctx => ctx.EpisodesByChild
            .Where(kv => !ctx.PreviousEpisodesByChild.ContainsKey(kv.Key) && ctx.Episodes.Date(kv.Value[0], "DECOM") >= ctx.Start
                && !ctx.Episodes.Is(kv.Value[0], "RNE", "S"))
            .Select(kv => (E, kv.Value[0])));
        yield return new("388", Rule388);
        // 431–436 look at each episode and the one before it (DECOM order), whether or not the dates meet, as the
        // reference does; "same" follows its blank handling: 434 and 436 treat two blanks as equal, 435 does not.
        yield return new("431", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "RNE", "S")
            && ctx.Episodes.Date(p.Cur, "DECOM") <= ctx.Episodes.Date(p.Prev, "DEC")).Select(p => (E, p.Cur)));
        yield return new("432", ctx => Pairs(ctx).Where(p => ctx.Episodes.In(p.Prev, "REC", CeasedCodes) && !ctx.Episodes.Is(p.Cur, "RNE", "S"))
            .Select(p => (E, p.Cur)));
        yield return new("433", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "RNE", "L", "P", "T", "U", "B")
            && (ctx.Episodes.Get(p.Prev, "DEC") is not { } dec || ctx.Episodes.Get(p.Cur, "DECOM") is not { } decom || dec != decom)).Select(p => (E, p.Cur)));
        yield return new("434", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "RNE", "L")
            && (SameFilled(ctx, p, "LS") || !PlacementFields.All(f => Same(ctx, p, f)))).Select(p => (E, p.Cur)));
        yield return new("435", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "RNE", "P", "T")
            && (!SameFilled(ctx, p, "LS") || PlacementFields.All(f => SameFilled(ctx, p, f)))).Select(p => (E, p.Cur)));
        yield return new("436", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "RNE", "B", "U")
            && (Same(ctx, p, "LS") || PlacementFields.All(f => Same(ctx, p, f)))).Select(p => (E, p.Cur)));
        yield return new("437", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Prev, "REC", "E2", "E15")).Select(p => (E, p.Prev)));
        yield return new("501", ctx => Pairs(ctx).Where(p => ctx.Episodes.Date(p.Prev, "DEC") is { } dec
            && ctx.Episodes.Date(p.Cur, "DECOM") < dec).Select(p => (E, p.Cur)));
        yield return new("504", Rule504);
        yield return new("383", Rule383);
        // As the reference: an X1 episode followed by a change of placement (X1 itself says the next one runs on).
        yield return new("225", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Prev, "REC", "X1")
            && ctx.Episodes.Is(p.Cur, "RNE", "P", "B", "T", "U") && ctx.Episodes.Date(p.Prev, "DECOM") >= new DateOnly(2016, 4, 1)
            && !ctx.Episodes.In(p.Prev, "PLACE", CodeLists.Temporary) && !ctx.Episodes.In(p.Cur, "PLACE", CodeLists.Temporary)
            && ctx.Episodes.Blank(p.Prev, "REASON_PLACE_CHANGE")).Select(p => (E, p.Prev)));
        yield return new("426", ctx => ctx.EpisodesByChild.Values
            .Where(rows => rows.Any(r => ctx.Episodes.Is(r, "LS", "V3")) && rows.Any(r => ctx.Episodes.Is(r, "LS", "V4")))
            .SelectMany(rows => rows.Where(r => ctx.Episodes.In(r, "LS", CodeLists.Respite))).Select(r => (E, r)));
        yield return new("367", Rule367);
        // The reference counts every T3 placement in the return, whatever its date.
        yield return new("377", Rule377);
    }

    // Every T3 episode of a child with more than two (counted first, so that no list is made per child).
    private static IEnumerable<(ReturnTable, int)> Rule377(ValidationContext ctx)
    {
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            var count = 0;
            foreach (var r in rows)
            {
                count += ctx.Episodes.Is(r, "PLACE", "T3") ? 1 : 0;
            }

            if (count <= 2)
            {
                continue;
            }

            foreach (var r in rows)
            {
                if (ctx.Episodes.Is(r, "PLACE", "T3"))
                {
                    yield return (E, r);
                }
            }
        }
    }

    private static bool Continues(ValidationContext ctx, (int Prev, int Cur) p) =>
        ctx.Episodes.Date(p.Prev, "DEC") is { } dec && ctx.Episodes.Date(p.Cur, "DECOM") == dec;

    private static bool Same(ValidationContext ctx, (int Prev, int Cur) p, string column) =>
        string.Equals(ctx.Episodes.Get(p.Prev, column), ctx.Episodes.Get(p.Cur, column), StringComparison.Ordinal);

    // Equal and both filled (a blank equals nothing, as in pandas).
    private static bool SameFilled(ValidationContext ctx, (int Prev, int Cur) p, string column) =>
        ctx.Episodes.Get(p.Cur, column) is { } value && string.Equals(ctx.Episodes.Get(p.Prev, column), value, StringComparison.Ordinal);

    // Reasons for ceasing that end care (every REC but X1 and the codes retired before 2023/24).
    private static readonly System.Collections.Frozen.FrozenSet<string> CeasedCodes = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"],
        StringComparer.Ordinal);

    // X1 must be followed by an episode starting the day it ends; any other reason must not be; the last episode
    // of a child cannot end X1 (the reference's three cases).
    private static IEnumerable<(ReturnTable, int)> Rule388(ValidationContext ctx)
    {
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (ctx.Episodes.Date(r, "DEC") is not { } dec)
                {
                    continue;
                }

                var x1 = ctx.Episodes.Is(r, "REC", "X1");
                var last = i + 1 == rows.Count && child.Length > 0;
                var next = i + 1 < rows.Count ? ctx.Episodes.Date(rows[i + 1], "DECOM") : null;
                if (last ? x1 : next is { } n && (x1 ? dec != n : ctx.Episodes.Filled(r, "REC") && dec == n))
                {
                    yield return (E, r);
                }
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule504(ValidationContext ctx)
    {
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            string? periodCin = null;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (i == 0 || ctx.Episodes.Is(r, "RNE", "S") || !Continues(ctx, (rows[i - 1], r)))
                {
                    periodCin = ctx.Episodes.Get(r, "CIN");
                    continue;
                }

                if (!string.Equals(ctx.Episodes.Get(r, "CIN"), periodCin, StringComparison.Ordinal))
                {
                    yield return (E, r);
                }
            }
        }
    }

    // A temporary placement must be followed by a return (a change of placement, RNE P) to the placement the child left.
    private static IEnumerable<(ReturnTable, int)> Rule383(ValidationContext ctx)
    {
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            for (var i = 1; i + 1 < rows.Count; i++)
            {
                var r = rows[i];
                if (ctx.Episodes.In(r, "PLACE", CodeLists.Temporary) && (!ctx.Episodes.Is(rows[i + 1], "RNE", "P")
                    || !string.Equals(ctx.Episodes.Get(rows[i - 1], "PLACE"), ctx.Episodes.Get(rows[i + 1], "PLACE"), StringComparison.Ordinal)))
                {
                    yield return (E, r);
                }
            }
        }
    }

    // At most 75 days of respite (V3) in the collection year; as the reference, the episodes with days in the year
    // are reported.
    private static IEnumerable<(ReturnTable, int)> Rule367(ValidationContext ctx)
    {
        var respite = new List<int>();
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            respite.Clear();
            var days = 0;
            foreach (var r in rows)
            {
                if (!ctx.Episodes.Is(r, "LS", "V3") || ctx.Episodes.Date(r, "DECOM") is not { } s)
                {
                    continue;
                }

                var e = EndOrCollectionEnd(ctx, r);
                var from = s > ctx.Start ? s : ctx.Start;
                var to = e < ctx.End ? e : ctx.End;
                var inYear = Dates.DaysBetween(from, to);
                if (inYear > 0)
                {
                    days += inYear;
                    respite.Add(r);
                }
            }

            if (days > 75)
            {
                foreach (var r in respite)
                {
                    yield return (E, r);
                }
            }
        }
    }
}
