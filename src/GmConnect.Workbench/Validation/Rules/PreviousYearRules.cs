using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules that compare this year's return with last year's (run only when it is supplied).</summary>
internal static class PreviousYearRules
{
    private const ReturnTable H = ReturnTable.Header;
    private const ReturnTable E = ReturnTable.Episodes;

    public static IEnumerable<Rule> All()
    {
        // 202–204 and 207 as the reference: a value given one year and blank the other is a disagreement too (a date
        // that does not parse counts as blank); ethnicity compares case-insensitively.
        yield return new("202", ctx => HeaderChanged(ctx, "SEX", (now, then) => (now is null) != (then is null) || (now is not null && then is not null && !SameSex(now, then))));
        yield return new("203", ctx => HeaderChanged(ctx, "DOB", (now, then) => Dates.Parse(now) != Dates.Parse(then)));
        yield return new("204", ctx => HeaderChanged(ctx, "ETHNIC", (now, then) => !string.Equals(now, then, StringComparison.OrdinalIgnoreCase)));
        yield return new("208", ctx => HeaderChanged(ctx, "UPN", UpnChanged));
        yield return new("207", ctx => HeaderChanged(ctx, "MOTHER", (now, then) => then == "1" && now != "1").Where(h => ctx.EpisodesOf(ctx.Header.Child(h.Item2)).Count > 0));
        // As the reference: last year's date is the one to keep; a blank or different date now contradicts it.
        yield return new("624", ctx => HeaderChanged(ctx, "MC_DOB", (now, then) => Dates.Parse(then) is { } b && Dates.Parse(now) != b));
        yield return new("626", Rule626);
        yield return new("502", ctx => AgainstOpenEpisode(ctx, (prev, cur) => prev.Date(cur.Prev, "DECOM") != ctx.Episodes.Date(cur.First, "DECOM")));
        yield return new("503A", SameAsOpen("RNE"));
        yield return new("503B", SameAsOpen("LS"));
        yield return new("503C", SameAsOpen("CIN"));
        yield return new("503D", SameAsOpen("PLACE"));
        yield return new("503E", SameAsOpen("PLACE_PROVIDER"));
        yield return new("503F", SameAsOpen("URN"));
        yield return new("NoE", ctx => ctx.HasPrevious
            ? ctx.EpisodesByChild.Where(kv => !ctx.PreviousEpisodesByChild.ContainsKey(kv.Key))
                .SelectMany(kv => kv.Value.Where(r => ctx.Episodes.Date(r, "DECOM") < ctx.Start)).Select(r => (E, r))
            : []);
        yield return new("562", Rule562);
        yield return new("1010", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.OC3, (t, r) => ctx.EpisodesOf(t.Child(r)).Count == 0 && PreviousOpenEpisode(ctx, t.Child(r)) >= 0
                && Oc3Rules.Items.Any(f => t.Filled(r, f)))
            : []);
        yield return new("1002", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.OC3, (t, r) => ctx.EpisodesOf(t.Child(r)).Count == 0 && !ctx.PreviousEpisodesByChild.ContainsKey(t.Child(r))
                && Oc3Rules.Items.Any(f => t.Filled(r, f)))
            : []);
        yield return new("199", Rule199);
        yield return new("559", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.PlacedAdoption, (t, r) => t.Date(r, "DATE_PLACED") is { } d && d < ctx.Start
                && !PreviousPlaced(ctx, t.Child(r)).Any(p => p.Placed == d))
            : []);
        // As the reference (and the DfE logic it quotes): a decision still open last year (DATE_PLACED given,
        // DATE_PLACED_CEASED blank) must carry the same DATE_PLACED in every decision row of the child this year.
        yield return new("560", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.PlacedAdoption, (t, r) => PreviousOpenDecisions(ctx, t.Child(r)).Any(then => !SameDate(t.Get(r, "DATE_PLACED"), then)))
            : []);
        // 561 and 584 as the reference (and the DfE logic it quotes): a decision that last year's return shows as
        // ceased (a date or reason it ceased) is not this year's decision: the same DATE_PLACED again (561), or one
        // not after it or blank (584), is reported.
        yield return new("561", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.PlacedAdoption, (t, r) => PreviousCeasedDecisions(ctx, t.Child(r)).Any(then => then is not null && SameDate(t.Get(r, "DATE_PLACED"), then)))
            : []);
        yield return new("584", ctx => ctx.HasPrevious
            ? Rows(ctx, ReturnTable.PlacedAdoption, (t, r) => PreviousCeasedDecisions(ctx, t.Child(r)).ToList() is { Count: > 0 } ceased
                && (t.Blank(r, "DATE_PLACED") || (t.Date(r, "DATE_PLACED") is { } now && ceased.Any(then => Dates.Parse(then) is { } d && now <= d))))
            : []);
        yield return new("576", Rule576);
        yield return new("SW16aSTG2", SwAgainstOpen("SW_ID"), 2024);
        yield return new("SW16bSTG2", SwAgainstOpen("SW_DECOM"), 2024);
        yield return new("SW16cSTG2", SwAgainstOpen("SW_REASON"), 2024);
    }

    private static readonly string[] UnknownUpn = ["UN1", "UN2", "UN3", "UN4", "UN5"];

    // As the reference: a UPN may change from UN1 or blank to UN2–UN5, or from any unknown (UN code or blank) to a
    // known UPN; any other change (case aside) is a disagreement.
    private static bool UpnChanged(string? now, string? then)
    {
        now = now?.ToUpperInvariant();
        then = then?.ToUpperInvariant();
        if (now == then)
        {
            return false;
        }

        var wasUnknown = then is null || UnknownUpn.Contains(then);
        var toUnknownLater = now is "UN2" or "UN3" or "UN4" or "UN5" && (then is null or "UN1");
        var toKnown = wasUnknown && now is not null && !UnknownUpn.Contains(now);
        return !toUnknownLater && !toKnown;
    }

    // 1/2 (to 2023/24) and M/F (from 2024/25) mean the same.
    private static bool SameSex(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string sex) => sex switch { "1" => "M", "2" => "F", _ => sex };

    private static IEnumerable<(ReturnTable, int)> HeaderChanged(ValidationContext ctx, string column, Func<string?, string?, bool> changed)
    {
        if (ctx.Previous is null)
        {
            yield break;
        }

        var last = ctx.Previous[H];
        foreach (var r in ctx.Header.Rows)
        {
            if (ctx.PreviousHeaderRowByChild.TryGetValue(ctx.Header.Child(r), out var p) && changed(ctx.Header.Get(r, column), last.Get(p, column)))
            {
                yield return (H, r);
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule626(ValidationContext ctx) =>
        HeaderChanged(ctx, "MOTHER", (now, then) => now == "1" && then == "0").Where(h => ctx.Header.Date(h.Item2, "MC_DOB") < ctx.Start);

    internal static IEnumerable<(ReturnTable, int)> AgainstOpenEpisode(ValidationContext ctx, Func<Ssda903Table, (int Prev, int First), bool> fails)
    {
        if (ctx.Previous is null)
        {
            yield break;
        }

        var previous = ctx.Previous[E];
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            var open = PreviousOpenEpisode(ctx, child);
            if (open >= 0 && rows.Count > 0 && fails(previous, (open, rows[0])))
            {
                yield return (E, rows[0]);
            }
        }
    }

    // As the reference: the first episode against last year's open one whether or not their starts agree (when they
    // do not, 502 reports that too).
    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> SameAsOpen(string column) =>
        ctx => AgainstOpenEpisode(ctx, (prev, p) => prev.Get(p.Prev, column) is var then && ctx.Episodes.Get(p.First, column) is var now
            && !string.Equals(then, now, StringComparison.Ordinal)
            // From 2024/25 (as the reference) an H5 placement open last year may continue as K3.
            && !(column == "PLACE" && ctx.Year.StartYear >= 2024 && then == "H5" && now == "K3"));

    private static IEnumerable<(ReturnTable, int)> Rule562(ValidationContext ctx)
    {
        if (ctx.Previous is null)
        {
            yield break;
        }

        var previous = ctx.Previous[E];
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            if (!ctx.PreviousEpisodesByChild.TryGetValue(child, out var last))
            {
                continue;
            }

            // Made only for a child with an episode starting before the year (most have none).
            HashSet<DateOnly?>? starts = null;
            foreach (var r in rows)
            {
                if (ctx.Episodes.Date(r, "DECOM") is { } d && d < ctx.Start && !(starts ??= last.Select(p => previous.Date(p, "DECOM")).ToHashSet()).Contains(d))
                {
                    yield return (E, r);
                }
            }
        }
    }

    // Adopted (REC E11/E12) and then looked after again.
    private static IEnumerable<(ReturnTable, int)> Rule199(ValidationContext ctx)
    {
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            DateOnly? adopted = null;
            if (ctx.Previous is not null && ctx.PreviousEpisodesByChild.TryGetValue(child, out var last))
            {
                var prev = ctx.Previous[E];
                foreach (var r in last)
                {
                    if (prev.Is(r, "REC", "E11", "E12") && prev.Date(r, "DEC") is { } d)
                    {
                        adopted = d;
                        break;
                    }
                }
            }

            foreach (var r in rows)
            {
                if (adopted is { } a && ctx.Episodes.Date(r, "DECOM") >= a)
                {
                    yield return (E, r);
                }

                if (adopted is null && ctx.Episodes.Is(r, "REC", "E11", "E12"))
                {
                    adopted = ctx.Episodes.Date(r, "DEC");
                }
            }
        }
    }

    private static IEnumerable<string> PreviousOpenDecisions(ValidationContext ctx, string child)
    {
        var t = ctx.Previous![ReturnTable.PlacedAdoption];
        return t.Rows.Where(r => t.Child(r) == child && t.Filled(r, "DATE_PLACED") && t.Blank(r, "DATE_PLACED_CEASED")).Select(r => t.Get(r, "DATE_PLACED")!);
    }

    // As the reference: a missing period open at the end of last year's return must be the child's first this year
    // (same start); the child's earliest missing row (one with no date last) is reported when it is not.
    private static IEnumerable<(ReturnTable, int)> Rule576(ValidationContext ctx)
    {
        if (ctx.Previous is null)
        {
            yield break;
        }

        var last = ctx.Previous[ReturnTable.Missing];
        var openStarts = last.Rows.Where(r => last.Blank(r, "MIS_END") && last.Date(r, "MIS_START") is not null)
            .GroupBy(last.Child).ToDictionary(g => g.Key, g => g.Select(r => last.Date(r, "MIS_START")!.Value).ToList(), StringComparer.Ordinal);
        var t = ctx[ReturnTable.Missing];
        foreach (var group in t.Rows.GroupBy(t.Child))
        {
            if (!openStarts.TryGetValue(group.Key, out var starts))
            {
                continue;
            }

            var first = group.OrderBy(r => t.Date(r, "MIS_START") ?? DateOnly.MaxValue).First();
            if (starts.Any(s => t.Date(first, "MIS_START") != s))
            {
                yield return (ReturnTable.Missing, first);
            }
        }
    }

    private static IEnumerable<string?> PreviousCeasedDecisions(ValidationContext ctx, string child)
    {
        var t = ctx.Previous![ReturnTable.PlacedAdoption];
        return t.Rows.Where(r => t.Child(r) == child && (t.Filled(r, "DATE_PLACED_CEASED") || t.Filled(r, "REASON_PLACED_CEASED"))).Select(r => t.Get(r, "DATE_PLACED"));
    }

    // The same date (in any accepted format), or the same text where it is not a date.
    private static bool SameDate(string? now, string then) =>
        now is not null && (string.Equals(now, then, StringComparison.Ordinal) || (Dates.Parse(now) is { } d && d == Dates.Parse(then)));

    private static IEnumerable<(DateOnly? Placed, DateOnly? Ceased)> PreviousPlaced(ValidationContext ctx, string child)
    {
        var t = ctx.Previous![ReturnTable.PlacedAdoption];
        return t.Rows.Where(r => t.Child(r) == child).Select(r => (t.Date(r, "DATE_PLACED"), t.Date(r, "DATE_PLACED_CEASED")));
    }

    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> SwAgainstOpen(string column) => ctx =>
    {
        if (ctx.Previous is null)
        {
            return [];
        }

        var last = ctx.Previous[ReturnTable.SWEpisodes];
        // As the reference: the child's latest episode last year (by start), when it was still open.
        var openLast = last.Rows.Where(r => last.Date(r, "SW_DECOM") is not null)
            .GroupBy(last.Child).Select(g => g.OrderBy(r => last.Date(r, "SW_DECOM")).Last()).Where(r => last.Blank(r, "SW_DEC"))
            .ToDictionary(last.Child, r => r, StringComparer.Ordinal);
        var now = ctx[ReturnTable.SWEpisodes];
        return now.Rows.Where(r => now.Date(r, "SW_DECOM") is not null).GroupBy(now.Child)
            .Select(g => (g.Key, First: g.OrderBy(r => now.Date(r, "SW_DECOM")).First()))
            .Where(x => openLast.TryGetValue(x.Key, out var o) && (column == "SW_DECOM"
                ? last.Date(o, column) != now.Date(x.First, column)
                : !string.Equals(last.Get(o, column), now.Get(x.First, column), StringComparison.Ordinal)))
            .Select(x => (ReturnTable.SWEpisodes, x.First));
    };
}
