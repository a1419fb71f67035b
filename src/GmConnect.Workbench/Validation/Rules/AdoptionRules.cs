using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on AD1 (adoptions) and PlacedAdoption (decisions to place), and how they meet the episodes.</summary>
internal static class AdoptionRules
{
    private const ReturnTable A = ReturnTable.AD1;
    private const ReturnTable P = ReturnTable.PlacedAdoption;
    private const ReturnTable E = ReturnTable.Episodes;

    private static readonly string[] Ad1Items = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    public static IEnumerable<Rule> All()
    {
        yield return new("112", Date(A, "DATE_INT"));
        yield return new("113", Date(A, "DATE_MATCH"));
        yield return new("114", ctx => Rows(ctx, A, (t, r) => t.Get(r, "FOSTER_CARE") is { } v && v is not ("0" or "1")));
        yield return new("175", Code(A, "NB_ADOPTR", _ => CodeLists.NbAdoptr));
        yield return new("176", Code(A, "SEX_ADOPTR", _ => CodeLists.SexAdoptr));
        yield return new("177", Code(A, "LS_ADOPTR", _ => CodeLists.LsAdoptr));
        yield return new("151", ctx => Rows(ctx, A, (t, r) => Ad1Items.Any(i => t.Filled(r, i)) && Ad1Items.Any(i => t.Blank(r, i))));
        // As the reference: a match date needs a DATE_INT on or before it (a blank one fails too).
        yield return new("333", ctx => Rows(ctx, A, (t, r) => t.Date(r, "DATE_MATCH") is { } m && (t.Blank(r, "DATE_INT") || t.Date(r, "DATE_INT") > m)));
        yield return new("511", ctx => Rows(ctx, A, (t, r) => t.Is(r, "NB_ADOPTR", "2") && t.Is(r, "SEX_ADOPTR", "M1", "F1")));
        // As the reference: a single adopter (L0) must be M1 or F1.
        yield return new("514", ctx => Rows(ctx, A, (t, r) => t.Is(r, "LS_ADOPTR", "L0") && !t.Is(r, "SEX_ADOPTR", "M1", "F1")));
        yield return new("517", Couple("L3", "MF"));
        yield return new("518", Couple("L4", "MM", "FF"));
        yield return new("519", Couple("L2", "MM", "FF", "MF"));
        yield return new("520", Couple("L11", "MF"));
        yield return new("524", Couple("L12", "MM", "FF"));
        yield return new("115", Date(P, "DATE_PLACED"));
        yield return new("116", Date(P, "DATE_PLACED_CEASED"));
        yield return new("120", Code(P, "REASON_PLACED_CEASED", _ => CodeLists.ReasonPlacedCeased));
        yield return new("119", ctx => Rows(ctx, P, (t, r) => t.Blank(r, "DATE_PLACED_CEASED") != t.Blank(r, "REASON_PLACED_CEASED")));
        yield return new("563", ctx => Rows(ctx, P, (t, r) => (t.Filled(r, "DATE_PLACED_CEASED") || t.Filled(r, "REASON_PLACED_CEASED")) && t.Blank(r, "DATE_PLACED")));
        yield return new("522", ctx => Rows(ctx, P, (t, r) => t.Date(r, "DATE_PLACED") is { } d && t.Date(r, "DATE_PLACED_CEASED") is { } c && d > c));
        yield return new("184", ctx => Rows(ctx, P, (t, r) => t.Date(r, "DATE_PLACED") is { } d && ctx.Dob(t.Child(r)) is { } dob && d < dob));
        // As the reference, 579 reports the later decision of an overlapping pair.
        yield return new("579", ctx => Overlapping(ctx, requireOpen: false).Where((_, i) => i % 2 == 1));
        // As the reference: an earlier decision still open (DATE_PLACED_CEASED blank), or more than one open decision;
        // the open decisions are reported.
        yield return new("583", Rule583);
        yield return new("523", Rule523);
        yield return new("525", ctx => Oc3Rules.Both(ctx, A, P, (t, r) => t.Kind == A ? Ad1Items.Any(i => t.Filled(r, i)) : t.Filled(r, "DATE_PLACED_CEASED")));
        yield return new("601", Rule601);
        // As the reference: an AD1 row with anything completed.
        yield return new("602", ctx => Rows(ctx, A, (t, r) => Ad1Items.Any(i => t.Filled(r, i))
            && !ctx.EpisodesOf(t.Child(r)).Any(e => ctx.Episodes.Is(e, "REC", "E11", "E12") && InYear(ctx, ctx.Episodes.Date(e, "DEC")))));
        // As the reference, the adoption episode is reported.
        yield return new("558", ctx => EpisodesWithPlaced(ctx, e => ctx.Episodes.Is(e, "REC", "E11", "E12"), (t, r) => t.Filled(r, "DATE_PLACED_CEASED"))
            .Where(hit => hit.Item1 == E));
        yield return new("557", Rule557);
        // As the reference: whatever the placement's start, every decision row of the child needs a DATE_PLACED.
        yield return new("551", ctx => Rows(ctx, E, (t, r) => t.In(r, "PLACE", CodeLists.Adoption)
            && ctx.RowsOf(P, t.Child(r)) is var placed && (placed.Count == 0 || placed.Any(p => ctx[P].Blank(p, "DATE_PLACED")))));
        yield return new("553", ctx => NoDecision(ctx, "E1"));
        yield return new("555", ctx => NoDecision(ctx, "D1"));
        yield return new("552", ctx => DecidedAfter(ctx, e => ctx.Episodes.In(e, "PLACE", CodeLists.Adoption)));
        yield return new("554", ctx => DecidedAfter(ctx, e => ctx.Episodes.Is(e, "LS", "E1")));
        // As the reference, 556 reports the episode only.
        yield return new("556", ctx => DecidedAfter(ctx, e => ctx.Episodes.Is(e, "LS", "D1")).Where(hit => hit.Item1 == E));
        yield return new("117", Rule117);
        yield return new("118", Rule118);
        // 1003 against the child's first start of care (RNE S), 334 against the latest, as the reference (and the DfE
        // logic it quotes) reads them; the decision and the episode are both reported.
        yield return new("1003", ctx => BeforeStart(ctx, P, "DATE_PLACED", latest: false));
        yield return new("334", ctx => BeforeStart(ctx, A, "DATE_INT", latest: true));
        yield return new("331", ctx => Ad1AgainstAdoptivePlacement(ctx, "DATE_MATCH"));
        yield return new("521", ctx => Ad1AgainstAdoptivePlacement(ctx, "DATE_INT"));
        yield return new("335", Rule335);
        yield return new("336", ctx => Pairs(ctx).Where(p => ctx.Episodes.Is(p.Cur, "PLACE", "A3", "A5")
            && !ctx.Episodes.Is(p.Prev, "PLACE", "U1", "U2", "U3", "U4", "U5", "U6") && !ctx.Episodes.Is(p.Prev, "PLACE", "A3", "A5")).Select(p => (E, p.Cur)));
        yield return new("582", ctx => Rows(ctx, E, (t, r) => t.Is(r, "REC", "E11", "E12") && t.Date(r, "DEC") is { } dec
            && ctx.RowsOf(A, t.Child(r)).Any(a => ctx[A].Date(a, "DATE_MATCH") == dec)));
    }

    // An order (E1 placement order, D1 freeing order) with no decision to place; as the reference, also a decision that
    // has ceased while the order's episode is still open (the PlacedAdoption row is reported).
    private static IEnumerable<(ReturnTable, int)> NoDecision(ValidationContext ctx, string legalStatus)
    {
        var t = ctx.Episodes;
        for (var r = 0; r < t.Count; r++)
        {
            if (!t.Is(r, "LS", legalStatus))
            {
                continue;
            }

            var placed = ctx.RowsOf(P, t.Child(r));
            if (placed.Count == 0)
            {
                yield return (E, r);
            }
            else if (t.Blank(r, "DEC"))
            {
                foreach (var p in placed.Where(p => ctx[P].Filled(p, "DATE_PLACED_CEASED") || ctx[P].Filled(p, "REASON_PLACED_CEASED")))
                {
                    yield return (P, p);
                }
            }
        }
    }

    // An adoption in the year (E11/E12) with no AD1 row completed; as the reference, also an AD1 row with any item
    // blank (both the AD1 row and the episodes are then reported).
    private static IEnumerable<(ReturnTable, int)> Rule601(ValidationContext ctx)
    {
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            var adopted = rows.Where(e => ctx.Episodes.Is(e, "REC", "E11", "E12") && InYear(ctx, ctx.Episodes.Date(e, "DEC"))).ToList();
            if (adopted.Count == 0)
            {
                continue;
            }

            var ad1 = ctx.RowsOf(A, child);
            var partial = ad1.Where(a => Ad1Items.Any(i => ctx[A].Blank(a, i))).ToList();
            if (!HasAd1(ctx, child) || partial.Count > 0)
            {
                foreach (var a in partial)
                {
                    yield return (A, a);
                }

                foreach (var e in adopted)
                {
                    yield return (E, e);
                }
            }
        }
    }

    private static bool InYear(ValidationContext ctx, DateOnly? d) => d is { } x && x >= ctx.Start && x <= ctx.End;

    private static bool IsLast(ValidationContext ctx, int e) => ctx.EpisodesOf(ctx.Episodes.Child(e)) is { Count: > 0 } l && l[^1] == e;

    private static bool HasAd1(ValidationContext ctx, string child) =>
        ctx.RowsOf(A, child).Any(a => Ad1Items.Any(i => ctx[A].Filled(a, i)));

    private static IEnumerable<(ReturnTable, int)> BeforeStart(ValidationContext ctx, ReturnTable table, string column, bool latest)
    {
        var t = ctx[table];
        for (var r = 0; r < t.Count; r++)
        {
            if (t.Date(r, column) is not { } date)
            {
                continue;
            }

            var starts = ctx.EpisodesOf(t.Child(r)).Where(e => ctx.Episodes.Is(e, "RNE", "S") && ctx.Episodes.Date(e, "DECOM") is not null).ToList();
            if (starts.Count > 0 && (latest ? starts[^1] : starts[0]) is var start && date < ctx.Episodes.Date(start, "DECOM"))
            {
                yield return (table, r);
                yield return (E, start);
            }
        }
    }

    // As the reference, a blank SEX_ADOPTR is not one of the allowed codes either.
    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> Couple(string legalStatus, params string[] sexes) =>
        ctx => Rows(ctx, A, (t, r) => t.Is(r, "LS_ADOPTR", legalStatus) && !t.Is(r, "SEX_ADOPTR", sexes));

    private static IEnumerable<(ReturnTable, int)> Overlapping(ValidationContext ctx, bool requireOpen)
    {
        var t = ctx[P];
        foreach (var group in t.Rows.Where(r => t.Date(r, "DATE_PLACED") is not null).GroupBy(t.Child))
        {
            var rows = group.OrderBy(r => t.Date(r, "DATE_PLACED")).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                var prevCeased = t.Date(rows[i - 1], "DATE_PLACED_CEASED");
                var fails = requireOpen ? prevCeased is null : prevCeased is null || t.Date(rows[i], "DATE_PLACED") < prevCeased;
                if (fails)
                {
                    yield return (P, rows[i - 1]);
                    yield return (P, rows[i]);
                }
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule583(ValidationContext ctx)
    {
        var t = ctx[P];
        foreach (var group in t.Rows.GroupBy(t.Child))
        {
            var rows = group.OrderByDescending(r => t.Date(r, "DATE_PLACED") ?? DateOnly.MinValue).ToList();
            var open = rows.Where(r => t.Blank(r, "DATE_PLACED_CEASED")).ToList();
            foreach (var r in open.Where(r => open.Count > 1 || r != rows[0]))
            {
                yield return (P, r);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule523(ValidationContext ctx)
    {
        var placed = ctx[P];
        foreach (var a in ctx[A].Rows)
        {
            if (ctx[A].Date(a, "DATE_INT") is not { } dateInt)
            {
                continue;
            }

            var child = ctx[A].Child(a);
            var rows = ctx.RowsOf(P, child).Where(p => placed.Date(p, "DATE_PLACED") is not null).ToList();
            if (rows.Count > 0 && !rows.Any(p => placed.Date(p, "DATE_PLACED") == dateInt))
            {
                yield return (A, a);
                foreach (var p in rows)
                {
                    yield return (P, p);
                }
            }
        }
    }

    // As the reference: an episode under a placement for adoption (A3–A6) or a placement order (E1; before 2024/25 also
    // a freeing order, D1) that
    // ended care other than by adoption (REC filled, not X1, E11 or E12) needs a decision row with both the date and the
    // reason it ceased; the episode is reported, with each incomplete decision row (none at all: the episode alone).
    private static IEnumerable<(ReturnTable, int)> Rule557(ValidationContext ctx)
    {
        var t = ctx.Episodes;
        for (var e = 0; e < t.Count; e++)
        {
            var order = t.Is(e, "LS", "E1") || (ctx.Year.StartYear < 2024 && t.Is(e, "LS", "D1"));
            if (!(t.In(e, "PLACE", CodeLists.Adoption) || order) || t.Blank(e, "REC") || t.Is(e, "REC", "X1", "E11", "E12"))
            {
                continue;
            }

            var placed = ctx.RowsOf(P, t.Child(e));
            var incomplete = placed.Where(p => ctx[P].Blank(p, "DATE_PLACED_CEASED") || ctx[P].Blank(p, "REASON_PLACED_CEASED")).ToList();
            if (placed.Count == 0 || incomplete.Count > 0)
            {
                yield return (E, e);
                foreach (var p in incomplete)
                {
                    yield return (P, p);
                }
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> EpisodesWithPlaced(ValidationContext ctx, Func<int, bool> episode, Func<Ssda903Table, int, bool> placed)
    {
        var t = ctx[P];
        foreach (var p in t.Rows.Where(p => placed(t, p)))
        {
            var eps = ctx.EpisodesOf(t.Child(p)).Where(episode).ToList();
            if (eps.Count == 0)
            {
                continue;
            }

            yield return (P, p);
            foreach (var e in eps)
            {
                yield return (E, e);
            }
        }
    }

    // The earliest decision to place must be on or before the first episode of the kind named.
    private static IEnumerable<(ReturnTable, int)> DecidedAfter(ValidationContext ctx, Func<int, bool> episode)
    {
        var t = ctx[P];
        foreach (var group in t.Rows.Where(r => t.Date(r, "DATE_PLACED") is not null).GroupBy(t.Child))
        {
            var first = ctx.EpisodesOf(group.Key).Where(episode).Select(e => (Row: e, Decom: ctx.Episodes.Date(e, "DECOM"))).FirstOrDefault(x => x.Decom is not null);
            if (first.Decom is null)
            {
                continue;
            }

            var earliest = group.Min(r => t.Date(r, "DATE_PLACED"));
            if (earliest > first.Decom)
            {
                foreach (var r in group)
                {
                    yield return (P, r);
                }

                yield return (E, first.Row);
            }
        }
    }

    // As the reference (and the DfE logic it quotes): against the collection end and the DEC of the child's latest
    // episode whose REC is not X1 (an open one has no DEC to compare); that episode is reported with the decision.
    private static IEnumerable<(ReturnTable, int)> Rule117(ValidationContext ctx)
    {
        var t = ctx[P];
        foreach (var r in t.Rows)
        {
            var latest = ctx.EpisodesOf(t.Child(r))
                .LastOrDefault(e => ctx.Episodes.Date(e, "DECOM") is not null && !ctx.Episodes.Is(e, "REC", "X1"), -1);
            DateOnly? ceased = latest >= 0 ? ctx.Episodes.Date(latest, "DEC") : null;
            var placed = t.Date(r, "DATE_PLACED");
            var stopped = t.Date(r, "DATE_PLACED_CEASED");
            if (placed > ctx.End || stopped > ctx.End || (ceased is { } c && (placed > c || stopped > c)))
            {
                yield return (P, r);
                if (latest >= 0)
                {
                    yield return (E, latest);
                }
            }
        }
    }

    // As the reference (and the DfE logic it quotes): a DATE_PLACED_CEASED before the collection start or before the
    // start of the child's earliest episode that is not respite (V3/V4); the decision and that episode are reported.
    private static IEnumerable<(ReturnTable, int)> Rule118(ValidationContext ctx)
    {
        var t = ctx[P];
        foreach (var r in t.Rows)
        {
            if (t.Date(r, "DATE_PLACED_CEASED") is not { } ceased)
            {
                continue;
            }

            var earliest = ctx.EpisodesOf(t.Child(r)).FirstOrDefault(e => !ctx.Episodes.In(e, "LS", CodeLists.Respite) && ctx.Episodes.Date(e, "DECOM") is not null, -1);
            if (earliest >= 0 && (ceased < ctx.Start || ceased < ctx.Episodes.Date(earliest, "DECOM")))
            {
                yield return (P, r);
                yield return (E, earliest);
            }
        }
    }

    // AD1 dates must be on or before the start of the adoptive placement (the A3–A6 episode before adoption).
    private static IEnumerable<(ReturnTable, int)> Ad1AgainstAdoptivePlacement(ValidationContext ctx, string column)
    {
        foreach (var a in ctx[A].Rows)
        {
            if (ctx[A].Date(a, column) is not { } date)
            {
                continue;
            }

            var placement = ctx.EpisodesOf(ctx[A].Child(a)).FirstOrDefault(e => ctx.Episodes.In(e, "PLACE", CodeLists.Adoption) && ctx.Episodes.Date(e, "DECOM") is not null, -1);
            if (placement >= 0 && date > ctx.Episodes.Date(placement, "DECOM"))
            {
                yield return (A, a);
                yield return (E, placement);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule335(ValidationContext ctx)
    {
        foreach (var a in ctx[A].Rows)
        {
            var foster = ctx[A].Get(a, "FOSTER_CARE");
            var adopted = ctx.EpisodesOf(ctx[A].Child(a)).Where(e => ctx.Episodes.Is(e, "REC", "E11", "E12")).ToList();
            foreach (var e in adopted)
            {
                var wrong = (foster == "0" && ctx.Episodes.Is(e, "PLACE", "A2", "A3", "A5")) || (foster == "1" && ctx.Episodes.Is(e, "PLACE", "A1", "A4", "A6"));
                if (wrong)
                {
                    yield return (A, a);
                    yield return (E, e);
                }
            }
        }
    }
}
