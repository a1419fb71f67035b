using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>
/// 205A–D: a child's UASC status and date UASC ceased (DUC) this year against last year's return (run only when it
/// is supplied). A child is UASC in a return when its header's UASC flag is 1 (XML layout), or — where the header
/// has no flag (CSV layout) — when it has a row in the UASC table, as the reference validator reads the CSV layout.
/// </summary>
internal static class UascChangeRules
{
    private const ReturnTable H = ReturnTable.Header;
    private const ReturnTable U = ReturnTable.UASC;

    public static IEnumerable<Rule> All()
    {
        // As the reference: UASC last year and not this year, yet a DUC this year, or last year's DUC missing or not
        // within last year's collection year (the status ceased then, so that is where its date belongs).
        yield return new("205A", ctx => EachUascRow(ctx, (c, s) =>
            s.Last && !s.Now && (s.DucNowGiven || s.DucLast is not { } d || d < c.Start.AddYears(-1) || d > c.End.AddYears(-1))));

        // As the reference: UASC both years, yet last year's DUC is not the 18th birthday (the status would have ceased
        // already), or this year's DUC is neither within this year nor last year's date.
        yield return new("205B", ctx => EachUascRow(ctx, (c, s) =>
            s.Now && s.Last && ((!Within(c, s.DucNow) && (s.DucNow is null || s.DucNow != s.DucLast)) || s.DucLast is null || s.DucLast != s.Dob18)));

        // As the reference: UASC neither year, yet a (valid) DUC in either year's UASC row.
        yield return new("205C", ctx => EachUascRow(ctx, (c, s) => !s.Now && !s.Last && (s.DucNow is not null || s.DucLast is not null)));

        // As the reference: UASC this year, in last year's return, and not UASC there. The header row is reported.
        yield return new("205D", Rule205D);
    }

    private static bool Within(ValidationContext ctx, DateOnly? date) => date is { } d && d >= ctx.Start && d <= ctx.End;

    private readonly record struct Status(bool Now, bool Last, bool DucNowGiven, DateOnly? DucNow, DateOnly? DucLast, DateOnly? Dob18);

    // Each of this year's UASC rows, its child's status both years; a failing row is reported with the child's header
    // row (when it has one), as the reference reports both.
    private static IEnumerable<(ReturnTable, int)> EachUascRow(ValidationContext ctx, Func<ValidationContext, Status, bool> fails)
    {
        if (ctx.Previous is not { } previous)
        {
            yield break;
        }

        var uasc = ctx[U];
        var lastUasc = previous[U];
        var lastRowOf = ctx.PreviousUascRowByChild;
        for (var r = 0; r < uasc.Count; r++)
        {
            var child = uasc.Child(r);
            var lastRow = lastRowOf.GetValueOrDefault(child, -1);
            var status = new Status(
                Now: IsUasc(ctx.Header, ctx.HeaderRow(child), hasUascRow: true),
                Last: lastRow >= 0 && IsUasc(previous[H], ctx.PreviousHeaderRowByChild.GetValueOrDefault(child, -1), hasUascRow: true),
                DucNowGiven: uasc.Filled(r, "DUC"),
                DucNow: uasc.Date(r, "DUC"),
                DucLast: lastRow >= 0 ? lastUasc.Date(lastRow, "DUC") : null,
                Dob18: lastRow >= 0 && lastUasc.Date(lastRow, "DOB") is { } dob ? dob.AddYears(18) : null);
            if (fails(ctx, status))
            {
                yield return (U, r);
                if (ctx.HeaderRow(child) is var h and >= 0)
                {
                    yield return (H, h);
                }
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule205D(ValidationContext ctx)
    {
        if (ctx.Previous is not { } previous)
        {
            yield break;
        }

        var lastRowOf = ctx.PreviousUascRowByChild;
        foreach (var h in ctx.Header.Rows)
        {
            var child = ctx.Header.Child(h);
            if (ctx.PreviousHeaderRowByChild.TryGetValue(child, out var p)
                && IsUasc(ctx.Header, h, ctx.RowsOf(U, child).Count > 0) && !IsUasc(previous[H], p, lastRowOf.ContainsKey(child)))
            {
                yield return (H, h);
            }
        }
    }

    // The header's flag where the header has one (XML layout), else whether the child has a UASC row (CSV layout).
    private static bool IsUasc(Ssda903Table header, int headerRow, bool hasUascRow) =>
        header.HasColumn("UASC") ? headerRow >= 0 && header.Get(headerRow, "UASC") == "1" : hasUascRow;
}
