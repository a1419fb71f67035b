using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on SWEpisodes (social worker episodes, from 2023/24).</summary>
internal static class SwEpisodeRules
{
    private const ReturnTable S = ReturnTable.SWEpisodes;
    private const int From = 2023;

    private static readonly DateOnly ReasonRequiredFrom = new(2023, 4, 1);

    public static IEnumerable<Rule> All()
    {
        yield return new("SW02STG1", ctx => Rows(ctx, S, (t, r) => t.Get(r, "SW_ID") is { } id
            && !id.StartsWith("SW", StringComparison.Ordinal) && !id.StartsWith("XX", StringComparison.Ordinal)), From);
        yield return new("SW03STG1", ctx => Rows(ctx, S, (t, r) => t.Blank(r, "SW_ID") || t.Blank(r, "SW_DECOM")), From);
        yield return new("SW04STG1", Date(S, "SW_DECOM", required: true), From);
        yield return new("SW05STG1", Date(S, "SW_DEC"), From);
        yield return new("SW06STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DECOM") > ctx.End), From);
        yield return new("SW07STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DEC") is { } d && (d < ctx.Start || d > ctx.End)), From);
        yield return new("SW09STG2", ctx => Rows(ctx, S, (t, r) => t.Date(r, "SW_DECOM") is { } s && t.Date(r, "SW_DEC") == s), From);
        yield return new("SW13STG1", ctx => Rows(ctx, S, (t, r) => t.Get(r, "SW_REASON") is { } v
            ? !CodeLists.SwReason.Contains(v)
            : t.Date(r, "SW_DECOM") >= ReasonRequiredFrom), From);
        yield return new("SW15STG2", ctx => Rows(ctx, S, (t, r) => t.Blank(r, "SW_REASON") && t.Date(r, "SW_DECOM") >= ctx.Start), 2024);
        yield return new("SW108STG2", ctx => Sequence(ctx).SelectMany(rows => rows.Take(rows.Count - 1)).Where(r => ctx[S].Blank(r, "SW_DEC")).Select(r => (S, r)), From);
        yield return new("SW10STG2", ctx => Sequence(ctx).SelectMany(rows => rows.Skip(1).Select((r, i) => (Prev: rows[i], Cur: r)))
            .Where(p => ctx[S].Date(p.Prev, "SW_DEC") is { } end && ctx[S].Date(p.Cur, "SW_DECOM") < end).Select(p => (S, p.Cur)), From);
        yield return new("SW11STG2", ctx => Sequence(ctx).Select(rows => rows[^1]).Where(r => ctx[S].Date(r, "SW_DEC") < ctx.End).Select(r => (S, r)), From);
        yield return new("SW01STG1", ctx => ctx.Current.Supplied.Contains(S)
            ? LookedAfterAtEnd(ctx).Where(x => ctx.RowsOf(S, x.Child).Count == 0).Select(x => (ReturnTable.Episodes, x.Row))
            : [], From);
        yield return new("SW12STG2", ctx => LookedAfterAtEnd(ctx)
            .Select(x => ctx.RowsOf(S, x.Child).Where(r => ctx[S].Date(r, "SW_DECOM") is not null).OrderBy(r => ctx[S].Date(r, "SW_DECOM")).FirstOrDefault(-1))
            .Where(r => r >= 0 && ctx[S].Date(r, "SW_DECOM") > ctx.Start).Select(r => (S, r)), From);
    }

    private static IEnumerable<(string Child, int Row)> LookedAfterAtEnd(ValidationContext ctx) =>
        ctx.EpisodesByChild.Where(kv => kv.Value.Count > 0 && ctx.Episodes.Blank(kv.Value[^1], "DEC") && ctx.Episodes.Date(kv.Value[^1], "DECOM") <= ctx.End)
            .Select(kv => (kv.Key, kv.Value[^1]));

    /// <summary>Each child's social worker episodes in start-date order.</summary>
    private static IEnumerable<List<int>> Sequence(ValidationContext ctx)
    {
        var t = ctx[S];
        return t.Rows.Where(r => t.Date(r, "SW_DECOM") is not null).GroupBy(t.Child)
            .Select(g => g.OrderBy(r => t.Date(r, "SW_DECOM")).ToList());
    }
}
