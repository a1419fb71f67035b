using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on SWEpisodes (social worker episodes, from 2023/24).</summary>
internal static class SwEpisodeRules
{
    private const ReturnTable S = ReturnTable.SWEpisodes;
    private const int From = 2023;

    public static IEnumerable<Rule> All()
    {
        yield return new("SW02STG1", ctx => Rows(ctx, S, (t, r) => t.Get(r, "SW_ID") is { } id
            && !id.StartsWith("SW", StringComparison.Ordinal) && !id.StartsWith("XX", StringComparison.Ordinal)), From);
        // As the reference: the reason is part of a complete episode too.
        yield return new("SW03STG1", ctx => Rows(ctx, S, (t, r) => t.Blank(r, "SW_ID") || t.Blank(r, "SW_DECOM") || t.Blank(r, "SW_REASON")), From);
        // As the reference, an unknown part of a date may be given as ZZ (ZZZZ for the year).
        yield return new("SW04STG1", ctx => Rows(ctx, S, (t, r) => PartialDate(t.Get(r, "SW_DECOM")) is null), From);
        yield return new("SW05STG1", ctx => Rows(ctx, S, (t, r) => t.Get(r, "SW_DEC") is { } v && PartialDate(v) is null), From);
        yield return new("SW06STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DECOM") > ctx.End), From);
        yield return new("SW07STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DEC") is { } d && (d < ctx.Start || d > ctx.End)), From);
        yield return new("SW09STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DECOM") is { } s && t.Date(r, "SW_DEC") == s), From);
        yield return new("SW13STG1", Rule13, From);
        // As the reference: from a year before the collection start (a start that is not a date counts as recent).
        yield return new("SW15STG2", ctx => Rows(ctx, S, (t, r) => t.Blank(r, "SW_REASON") && !(t.Date(r, "SW_DECOM") < ctx.Start.AddDays(-365))), 2024);
        // As the reference: every episode but the child's latest (by start) needs a valid end date.
        yield return new("SW14STG2", ctx => Sequence(ctx).SelectMany(rows => rows.Take(rows.Count - 1)).Where(r => ctx[S].Date(r, "SW_DEC") is null)
            .Select(r => (S, r)), From);
        yield return new("SW108STG2", ctx => Sequence(ctx).SelectMany(rows => rows.Take(rows.Count - 1)).Where(r => ctx[S].Blank(r, "SW_DEC")).Select(r => (S, r)), From);
        // As the reference (and the DfE logic it quotes): a new episode starts within 7 days either side of the end of
        // the one before (in start, then end, order), which must have ended; from 2024/25 a change for a family
        // contact reason (FCONTA) is exempt.
        yield return new("SW10STG2", ctx => Sequence(ctx).SelectMany(rows => rows.Skip(1).Select((r, i) => (Prev: rows[i], Cur: r)))
            .Where(p => !(ctx.Year.StartYear >= 2024 && ctx[S].Is(p.Cur, "SW_REASON", "FCONTA"))
                && (ctx[S].Date(p.Prev, "SW_DEC") is not { } end || ctx[S].Date(p.Cur, "SW_DECOM") is not { } start
                    || start < end.AddDays(-7) || start > end.AddDays(7)))
            .Select(p => (S, p.Cur)), From);
        yield return new("SW11STG2", ctx => Sequence(ctx).Select(rows => rows[^1]).Where(r => ctx[S].Date(r, "SW_DEC") < ctx.End).Select(r => (S, r)), From);
        // As the DfE logic the reference quotes: a child looked after at 31 March (open episode, not respite) needs an
        // SW_ID and an SW_DECOM among their social worker episodes; the open episode is reported.
        yield return new("SW01STG1", ctx => ctx.Current.Supplied.Contains(S)
            ? ctx.EpisodesByChild.Where(kv => kv.Value.Count > 0 && ctx.Episodes.Blank(kv.Value[^1], "DEC") && !(ctx.Episodes.Date(kv.Value[^1], "DECOM") > ctx.End))
                .Select(kv => (Child: kv.Key, Row: kv.Value[^1]))
                .Where(x => !ctx.Episodes.In(x.Row, "LS", CodeLists.Respite) && ctx.RowsOf(S, x.Child) is var sw
                    && (!sw.Any(r => ctx[S].Filled(r, "SW_ID")) || !sw.Any(r => ctx[S].Filled(r, "SW_DECOM"))))
                .Select(x => (ReturnTable.Episodes, x.Row))
            : [], From);
        yield return new("SW12STG2", ctx => LookedAfterAtEnd(ctx)
            .Select(x => ctx.RowsOf(S, x.Child).Where(r => ctx[S].Date(r, "SW_DECOM") is not null).OrderBy(r => ctx[S].Date(r, "SW_DECOM")).FirstOrDefault(-1))
            .Where(r => r >= 0 && ctx[S].Date(r, "SW_DECOM") > ctx.Start).Select(r => (S, r)), From);
    }

    // A reason outside the list fails. As the reference, a blank one fails in 2023/24; from 2024/25 it is allowed on a
    // child's first episode of the collection (the one open at its start, else the first that starts in it), which
    // began no change of social worker.
    private static IEnumerable<(ReturnTable, int)> Rule13(ValidationContext ctx)
    {
        var t = ctx[S];
        var first = new HashSet<int>();
        if (ctx.Year.StartYear >= 2024)
        {
            foreach (var rows in Sequence(ctx))
            {
                var before = rows.LastOrDefault(r => t.Date(r, "SW_DECOM") < ctx.Start, -1);
                var carried = before >= 0 && !(t.Date(before, "SW_DEC") < ctx.Start) ? before : -1;
                var firstNow = rows.FirstOrDefault(r => t.Date(r, "SW_DECOM") >= ctx.Start, -1);
                if ((carried >= 0 ? carried : firstNow) is var allowed and >= 0)
                {
                    first.Add(allowed);
                }
            }
        }

        return Rows(ctx, S, (t, r) => t.Get(r, "SW_REASON") is { } v ? !CodeLists.SwReason.Contains(v) : !first.Contains(r));
    }

    private static IEnumerable<(string Child, int Row)> LookedAfterAtEnd(ValidationContext ctx) =>
        ctx.EpisodesByChild.Where(kv => kv.Value.Count > 0 && ctx.Episodes.Blank(kv.Value[^1], "DEC") && ctx.Episodes.Date(kv.Value[^1], "DECOM") <= ctx.End)
            .Select(kv => (kv.Key, kv.Value[^1]));

    /// <summary>Each child's social worker episodes in start-date order (then end date, an open one last).</summary>
    private static IEnumerable<List<int>> Sequence(ValidationContext ctx)
    {
        var t = ctx[S];
        return t.Rows.Where(r => t.Date(r, "SW_DECOM") is not null).GroupBy(t.Child)
            .Select(g => g.OrderBy(r => t.Date(r, "SW_DECOM")).ThenBy(r => t.Date(r, "SW_DEC") ?? DateOnly.MaxValue).ToList());
    }

    // A date whose day, month or year may be unknown (ZZ, ZZ, ZZZZ), read as the reference does: the unknown parts
    // taken as 01, 01 and 2000 and the rest checked as a date.
    private static DateOnly? PartialDate(string? text)
    {
        if (text?.Split('/') is not { Length: 3 } parts)
        {
            // Other layouts the importer accepts (ISO dates) are read as any date is.
            return Dates.Parse(text);
        }

        var known = string.Join('/', parts[0] == "ZZ" ? "01" : parts[0], parts[1] == "ZZ" ? "01" : parts[1], parts[2] == "ZZZZ" ? "2000" : parts[2]);
        return Dates.Parse(known);
    }
}
