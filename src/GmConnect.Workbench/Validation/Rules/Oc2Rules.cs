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
        yield return new("180", ctx => Rows(ctx, O, (t, r) => t.Get(r, "SDQ_SCORE") is { } s
            && !(int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 40)));
        yield return new("181", ctx => Rows(ctx, O, (t, r) => Flags.Any(f => t.Get(r, f) is { } v && v is not ("0" or "1"))));
        yield return new("182", ctx => Rows(ctx, O, (t, r) => Flags.Any(f => t.Filled(r, f)) && Core.Any(f => t.Blank(r, f))));
        yield return new("196", Code(O, "SDQ_REASON", _ => CodeLists.SdqReason));
        yield return new("197a", ctx => Rows(ctx, O, (t, r) => t.Filled(r, "SDQ_SCORE") && t.Filled(r, "SDQ_REASON")));
        yield return new("158", ctx => Rows(ctx, O, (t, r) => t.Is(r, "INTERVENTION_RECEIVED", "1") && t.Filled(r, "INTERVENTION_OFFERED")));
        yield return new("159", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SUBSTANCE_MISUSE", "1") && t.Is(r, "INTERVENTION_RECEIVED", "0") && t.Blank(r, "INTERVENTION_OFFERED")));
        yield return new("192", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SUBSTANCE_MISUSE", "1") && t.Blank(r, "INTERVENTION_RECEIVED")));
        yield return new("193", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SUBSTANCE_MISUSE", "0") && (t.Filled(r, "INTERVENTION_RECEIVED") || t.Filled(r, "INTERVENTION_OFFERED"))));
        yield return new("185", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && t.Filled(r, "SDQ_SCORE")));
        yield return new("190", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Flags.Any(f => t.Filled(r, f))));
        yield return new("198", ctx => Rows(ctx, O, (t, r) => !ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && t.Filled(r, "SDQ_REASON")));
        yield return new("191", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Core.Any(f => t.Blank(r, f))));
        yield return new("186", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r))
            && Age(ctx, t, r, ctx.Start) >= 4 && Age(ctx, t, r, ctx.End) < 17 && t.Blank(r, "SDQ_SCORE") && t.Blank(r, "SDQ_REASON")));
        yield return new("188", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) < 4 && (t.Filled(r, "SDQ_SCORE") || t.Filled(r, "SDQ_REASON"))));
        yield return new("189", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.Start) >= 17 && (t.Filled(r, "SDQ_SCORE") || t.Filled(r, "SDQ_REASON"))));
        yield return new("157", ctx => Rows(ctx, O, (t, r) => t.Is(r, "SDQ_REASON", "SDQ1") && Age(ctx, t, r, ctx.Start) >= 4 && Age(ctx, t, r, ctx.End) <= 16));
        yield return new("542", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) < 10 && t.Filled(r, "CONVICTED")));
        yield return new("543", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Age(ctx, t, r, ctx.End) >= 10 && t.Blank(r, "CONVICTED")));
        yield return new("544", ctx => Rows(ctx, O, (t, r) => t.Filled(r, "CONVICTED") && Core.Any(f => t.Blank(r, f))));
        yield return new("545", ctx => Rows(ctx, O, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r)) && Age(ctx, t, r, ctx.End) < 5 && t.Blank(r, "HEALTH_CHECK")));
        yield return new("546", ctx => Rows(ctx, O, (t, r) => Age(ctx, t, r, ctx.End) >= 5 && t.Filled(r, "HEALTH_CHECK")));
        yield return new("547", ctx => Rows(ctx, O, (t, r) => t.Filled(r, "HEALTH_CHECK") && Core.Any(f => t.Blank(r, f))));
        yield return new("187", Rule187);
    }

    /// <summary>Age on a date from the row's own DOB, else the header's.</summary>
    internal static int? Age(ValidationContext ctx, Ssda903Table t, int r, DateOnly on) =>
        (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r))) is { } dob ? Dates.AgeOn(dob, on) : null;

    private static IEnumerable<(ReturnTable, int)> Rule187(ValidationContext ctx)
    {
        foreach (var table in new[] { ReturnTable.AD1, ReturnTable.OC3 })
        {
            foreach (var hit in Rows(ctx, table, (t, r) => ctx.ContinuouslyLookedAfter.Contains(t.Child(r))))
            {
                yield return hit;
            }
        }
    }
}
