using System.Globalization;
using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on OC2 (children looked after continuously for 12 months: SDQ, health, convictions).</summary>
internal static class Oc2Rules
{
    private const ReturnTable O = ReturnTable.OC2;

    private static readonly string[] Flags =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    private static readonly string[] Core = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];

    public static IEnumerable<Rule> All()
    {
        // A whole number 0–40; as the reference, "20.0" (a spreadsheet's number) is 20.
        yield return new("180", ctx => Rows(ctx, O, (t, r) => t.Get(r, "SDQ_SCORE") is { } s
            && !(decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n) && n is >= 0 and <= 40)));
        yield return new("181", ctx => Rows(ctx, O, (t, r) => Flags.Any(f => t.Get(r, f) is { } v && v is not ("0" or "1"))));
        yield return new("182", ctx => Rows(ctx, O, (t, r) => Flags.Any(f => t.Filled(r, f)) && Core.Any(f => t.Blank(r, f))));
        yield return new("196", Code(O, "SDQ_REASON", _ => CodeLists.SdqReason));
        // As the reference: a child of the OC2 cohort turning 4 or 17 in the year (by the OC2 row's DOB) needs an SDQ
        // score or a reason for none. A 17th birthday on the first day of the year is left out: the child is then 17
        // at the beginning of the year, when 189 forbids both (the reference counts that day for both rules).
        yield return new("197B", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && t.Date(r, "DOB") is { } dob
            && (InYear(ctx, dob.AddYears(4)) || (InYear(ctx, dob.AddYears(17)) && dob.AddYears(17) > ctx.Start))
            && t.Blank(r, "SDQ_SCORE") && t.Blank(r, "SDQ_REASON")));
        yield return new("197a", ctx => Rows(ctx, O, (t, r) => t.Filled(r, "SDQ_SCORE") && t.Filled(r, "SDQ_REASON")));
        yield return new("158", ctx => Rows(ctx, O, (t, r) => t.Is(r, "INTERVENTION_RECEIVED", "1") && t.Filled(r, "INTERVENTION_OFFERED")));
        yield return new("159", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SUBSTANCE_MISUSE", "1") && t.Is(r, "INTERVENTION_RECEIVED", "0") && t.Blank(r, "INTERVENTION_OFFERED")));
        yield return new("192", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SUBSTANCE_MISUSE", "1") && t.Blank(r, "INTERVENTION_RECEIVED")));
        // As the reference: a blank SUBSTANCE_MISUSE is "not identified" too.
        yield return new("193", ctx => Rows(ctx, O, (t, r) => (t.Blank(r, "SUBSTANCE_MISUSE") || t.Is(r, "SUBSTANCE_MISUSE", "0")) && (t.Filled(r, "INTERVENTION_RECEIVED") || t.Filled(r, "INTERVENTION_OFFERED"))));
        yield return new("185", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && t.Filled(r, "SDQ_SCORE")));
        yield return new("190", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Flags.Any(f => t.Filled(r, f))));
        yield return new("198", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && t.Filled(r, "SDQ_REASON")));
        yield return new("191", Rule191);
        yield return new("186", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r))
            && Age(ctx, t, r, ctx.Start) >= 4 && Age(ctx, t, r, ctx.End) < 17 && t.Blank(r, "SDQ_SCORE") && t.Blank(r, "SDQ_REASON")));
        yield return new("188", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) < 4 && (t.Filled(r, "SDQ_SCORE") || t.Filled(r, "SDQ_REASON"))));
        yield return new("189", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.Start) >= 17 && (t.Filled(r, "SDQ_SCORE") || t.Filled(r, "SDQ_REASON"))));
        // As the reference: only for the OC2 cohort (looked after continuously) and when no score is given.
        yield return new("157", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SDQ_REASON", "SDQ1") && t.Blank(r, "SDQ_SCORE")
            && ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Age(ctx, t, r, ctx.Start) >= 4 && Age(ctx, t, r, ctx.End) <= 16));
        yield return new("542", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) < 10 && t.Filled(r, "CONVICTED")));
        yield return new("543", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Age(ctx, t, r, ctx.End) >= 10 && t.Blank(r, "CONVICTED")));
        // 544 and 547: as the reference, when the item is 1 (a 0 needs no further items).
        yield return new("544", ctx => Rows(ctx, O, (t, r) => t.Is(r, "CONVICTED", "1") && Core.Any(f => t.Blank(r, f))));
        yield return new("545", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Age(ctx, t, r, ctx.End) < 5 && t.Blank(r, "HEALTH_CHECK")));
        yield return new("546", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) >= 5 && t.Filled(r, "HEALTH_CHECK")));
        yield return new("547", ctx => Rows(ctx, O, (t, r) => t.Is(r, "HEALTH_CHECK", "1") && Core.Any(f => t.Blank(r, f))));
        yield return new("187", Rule187);
    }

    /// <summary>Age on a date from the row's own DOB, else the header's.</summary>
    internal static int? Age(ValidationContext ctx, Ssda903Table t, int r, DateOnly on) =>
        (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob ? Dates.AgeOn(dob, on) : null;

    private static readonly string[] Ad1Items = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    // An AD1 or OC3 row with any item completed for a child in the OC2 cohort.
    private static IEnumerable<(ReturnTable, int)> Rule187(ValidationContext ctx)
    {
        foreach (var (table, items) in new[] { (ReturnTable.AD1, Ad1Items), (ReturnTable.OC3, Oc3Rules.Items) })
        {
            foreach (var hit in Rows(ctx, table, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && items.Any(i => t.Filled(r, i))))
            {
                yield return hit;
            }
        }
    }

    // An OC2 row of the cohort with a core item blank; as the reference, a child of the cohort with no OC2 row at all
    // is reported on their first episode.
    private static IEnumerable<(ReturnTable, int)> Rule191(ValidationContext ctx)
    {
        var t = ctx[O];
        var inOc2 = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < t.Count; r++)
        {
            inOc2.Add(t.Child(r));
            if (ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Core.Any(f => t.Blank(r, f)))
            {
                yield return (O, r);
            }
        }

        foreach (var child in ctx.ContinuouslyLookedAfter)
        {
            if (!inOc2.Contains(child) && ctx.EpisodesByChild.TryGetValue(child, out var rows))
            {
                yield return (ReturnTable.Episodes, rows[0]);
            }
        }
    }

    private static bool InYear(ValidationContext ctx, DateOnly d) => d >= ctx.Start && d <= ctx.End;
}
