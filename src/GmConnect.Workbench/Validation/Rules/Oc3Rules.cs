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
        yield return new("133", Code(O, "ACCOM", _ => CodeLists.Accom));
        yield return new("153", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i)) && Items.Any(i => t.Blank(r, i))));
        yield return new("344", ctx => Rows(ctx, O, (t, r) => t.Is(r, "IN_TOUCH", "DIED", "RHOM") && (t.Filled(r, "ACTIV") || t.Filled(r, "ACCOM"))));
        yield return new("345", ctx => Rows(ctx, O, (t, r) => t.Is(r, "IN_TOUCH", "YES", "NREQ") && (t.Is(r, "ACTIV", "0") || t.Is(r, "ACCOM", "0"))));
        yield return new("391", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i))
            && (Oc2Rules.Age(ctx, t, r, ctx.End) < 17 || Oc2Rules.Age(ctx, t, r, ctx.Start) > 21)));
        yield return new("3001", ctx => Rows(ctx, O, (t, r) => t.Is(r, "ACCOM", "Z1", "Z2") && TurnsInYear(ctx, t, r, 17)));
        yield return new("347", ctx => Rows(ctx, O, (t, r) => t.Is(r, "ACCOM", "T1", "T2") && Oc2Rules.Age(ctx, t, r, ctx.End) < 18));
        yield return new("134", ctx => Both(ctx, O, ReturnTable.AD1, (_, _) => true));
        yield return new("215", ctx => Both(ctx, O, ReturnTable.OC2, (t, r) => t.Kind == O
            ? Items.Any(i => t.Filled(r, i))
            : Oc2Items.Any(f => t.Filled(r, f))));
        yield return new("1000", ctx => WithFinalEpisode(ctx, e => ctx.Episodes.Is(e, "REC", "E2")));
        yield return new("1011", ctx => WithFinalEpisode(ctx, e => ctx.Episodes.Is(e, "REC", "E3")));
        yield return new("1007", ctx => Rows(ctx, O, (t, r) => Items.Any(i => t.Filled(r, i))
            && CareLeaverAges.Any(age => Birthday(ctx, t, r, age) is { } b && b >= ctx.Start && b <= ctx.End && LookedAfterOn(ctx, t.Child(r), b))));
        yield return new("1012", Rule1012);
        yield return new("1014", ctx => Both(ctx, O, ReturnTable.UASC, (t, r) => ctx.EpisodesOf(t.Child(r)).Count == 0));
    }

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
                yield return (ReturnTable.Episodes, eps[^1]);
            }
        }
    }

    // Care leavers with no episode this year should have nothing but Header and OC3.
    private static IEnumerable<(ReturnTable, int)> Rule1012(ValidationContext ctx)
    {
        var leavers = ctx[O].Rows.Select(ctx[O].Child).Where(c => ctx.EpisodesOf(c).Count == 0).ToHashSet(StringComparer.Ordinal);
        foreach (var table in new[] { ReturnTable.AD1, ReturnTable.PlacedAdoption, ReturnTable.Missing, ReturnTable.OC2, ReturnTable.PrevPerm, ReturnTable.Reviews })
        {
            foreach (var hit in Rows(ctx, table, (t, r) => leavers.Contains(t.Child(r))))
            {
                yield return hit;
            }
        }
    }
}
