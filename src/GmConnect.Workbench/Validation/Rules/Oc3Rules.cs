using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on OC3 (care leavers: in touch, activity, accommodation).</summary>
internal static class Oc3Rules
{
    private const ReturnTable O = ReturnTable.OC3;

    internal static readonly string[] Items = ["IN_TOUCH", "ACTIV", "ACCOM"];

    private static readonly string[] Oc2Items =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    private static readonly int[] CareLeaverAges = [17, 18];

    public static IEnumerable<Rule> All()
    {
        yield return new("131", Code(O, "IN_TOUCH", _ => CodeLists.InTouch, required: true));
        yield return new("132", Code(O, "ACTIV", c => c.Codes.Activ, required: true));
        // Required as 131 and 132 are (the reference flags a blank ACCOM too).
        yield return new("133", Code(O, "ACCOM", _ => CodeLists.Accom, required: true));
        // As the reference: a young person aged 17 or 18 at the year end (by the OC3 row's DOB) who has an episode
        // ending on or after their 17th birthday needs no care leaver items.
        yield return new("1016", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i)) && t.Date(r, "DOB") is { } dob
            && Dates.AgeOn(dob, ctx.End) is >= 17 and < 19
            && ctx.EpisodesOf(t.Child(r)).Any(e => ctx.Episodes.Date(e, "DEC") >= dob.AddYears(17))));
        yield return new("153", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i)) && Items.Any(i => t.Blank(r, i))));
        // As the reference: for a young person who died or returned home, ACTIV and ACCOM must be 0 ("not applicable").
        yield return new("344", ctx => Rows(ctx, O, (t, r) => t.Is(r, "IN_TOUCH", "DIED", "RHOM") && (!t.Is(r, "ACTIV", "0") || !t.Is(r, "ACCOM", "0"))));
        yield return new("345", ctx => Rows(ctx, O, (t, r) => t.Is(r, "IN_TOUCH", "YES", "NREQ") && (t.Is(r, "ACTIV", "0") || t.Is(r, "ACCOM", "0"))));
        yield return new("391", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i))
            && (Oc2Rules.Age(ctx, t, r, ctx.End) < 17 || Oc2Rules.Age(ctx, t, r, ctx.Start) > 21)));
        yield return new("3001", ctx => Rows(ctx, O, (t, r) => t.Is(r, "ACCOM", "Z1", "Z2") && TurnsInYear(ctx, t, r, 17)));
        // As the reference (and the DfE logic it quotes): a foyer (ACCOM T, with or without its suitability digit) for a
        // care leaver not yet 18 at the collection start.
        yield return new("347", ctx => Rows(ctx, O, (t, r) => t.Get(r, "ACCOM") is { } a && a.StartsWith('T') && Oc2Rules.Age(ctx, t, r, ctx.Start) < 18));
        // As the reference: the AD1 row, when both it and the child's OC3 row have items completed.
        yield return new("134", ctx => Both(ctx, O, ReturnTable.AD1, (t, r) => t.Kind == O ? Items.Any(i => t.Filled(r, i)) : Ad1Items.Any(i => t.Filled(r, i)))
            .Where(hit => hit.Item1 == ReturnTable.AD1));
        yield return new("215", ctx => Both(ctx, O, ReturnTable.OC2, (t, r) => t.Kind == O
            ? Items.Any(i => t.Filled(r, i))
            : Oc2Items.Any(f => t.Filled(r, f))));
        // As the reference: any episode ending E2, this year or (with --previous) last year; the OC3 row is reported.
        yield return new("1000", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i)) && (Died(ctx.Episodes, ctx.EpisodesOf(t.Child(r)))
            || (ctx.Previous is not null && ctx.PreviousEpisodesByChild.TryGetValue(t.Child(r), out var last) && Died(ctx.Previous[ReturnTable.Episodes], last)))));
        yield return new("1011", ctx => WithFinalEpisode(ctx, e => ctx.Episodes.Is(e, "REC", "E3")));
        yield return new("1007", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i))
            && CareLeaverAges.Any(age => Birthday(ctx, t, r, age) is { } b && b >= ctx.Start && b <= ctx.End && LookedAfterOn(ctx, t.Child(r), b))));
        yield return new("1012", Rule1012);
        // As the reference: a UASC child with no episode in the year whose OC3 row has items completed.
        yield return new("1014", ctx => Both(ctx, O, ReturnTable.UASC, (t, r) => !ctx.EpisodesOf(t.Child(r)).Any(e => InYear(ctx, e))
            && (t.Kind != O || Items.Any(i => t.Filled(r, i)))));
    }

    private static readonly string[] Ad1Items = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    private static bool Died(Ssda903Table episodes, IEnumerable<int> rows) => rows.Any(e => episodes.Is(e, "REC", "E2"));

    private static bool InYear(ValidationContext ctx, int e) =>
        ctx.Episodes.Date(e, "DECOM") <= ctx.End && (ctx.Episodes.Blank(e, "DEC") || ctx.Episodes.Date(e, "DEC") >= ctx.Start);

    private static DateOnly? Birthday(ValidationContext ctx, Ssda903Table t, int r, int age) =>
        (t.Date(r, "DOB") ?? ctx.Dob(t.Child(r)))?.AddYears(age);

    private static bool TurnsInYear(ValidationContext ctx, Ssda903Table t, int r, int age) =>
        Birthday(ctx, t, r, age) is { } b && b >= ctx.Start && b <= ctx.End;

    internal static bool LookedAfterOn(ValidationContext ctx, string child, DateOnly day) =>
        ctx.EpisodesOf(child).Any(e => ctx.Episodes.Date(e, "DECOM") is { } s && s <= day && (ctx.Episodes.Date(e, "DEC") is not { } d || d > day));

    /// <summary>Rows in both tables for children present (and passing <paramref name="filter"/>) in both.</summary>
    internal static IEnumerable<(ReturnTable, int)> Both(ValidationContext ctx, ReturnTable a, ReturnTable b, Func<Ssda903Table, int, bool> filter)
    {
        var ta = ctx[a];
        var tb = ctx[b];
        var inA = ta.Rows.Where(r => filter(ta, r)).GroupBy(ta.Child).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inB = tb.Rows.Where(r => filter(tb, r)).GroupBy(tb.Child).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (child, rowsA) in inA)
        {
            if (!inB.TryGetValue(child, out var rowsB))
            {
                continue;
            }

            foreach (var r in rowsA)
            {
                yield return (a, r);
            }

            foreach (var r in rowsB)
            {
                yield return (b, r);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> WithFinalEpisode(ValidationContext ctx, Func<int, bool> final)
    {
        var t = ctx[O];
        foreach (var r in t.Rows)
        {
            var eps = ctx.EpisodesOf(t.Child(r));
            if (eps.Count > 0 && final(eps[^1]) && Items.Any(i => t.Filled(r, i)))
            {
                yield return (O, r);
            }
        }
    }

    // Children with no episode this year (care leavers) should have nothing but Header and OC3; as the reference, any
    // row of the other tables for a child with no episode is reported.
    private static IEnumerable<(ReturnTable, int)> Rule1012(ValidationContext ctx)
    {
        foreach (var table in new[] { ReturnTable.AD1, ReturnTable.PlacedAdoption, ReturnTable.Missing, ReturnTable.OC2, ReturnTable.PrevPerm, ReturnTable.Reviews })
        {
            foreach (var hit in Rows(ctx, table, (t, r) => ctx.EpisodesOf(t.Child(r)).Count == 0))
            {
                yield return hit;
            }
        }
    }
}
