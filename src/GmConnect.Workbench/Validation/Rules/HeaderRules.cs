using System.Text.RegularExpressions;
using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on the Header table (sex, DOB, ethnicity, UPN, motherhood).</summary>
internal static partial class HeaderRules
{
    private const ReturnTable H = ReturnTable.Header;

    [GeneratedRegex("^([A-HJ-NPQRT-Z])(\\d{12}|\\d{11}[A-Z])$")]
    private static partial Regex UpnPattern();

    internal static bool IsFemale(string? sex) => sex is "2" or "F";

    internal static bool IsMale(string? sex) => sex is "1" or "M";

    public static IEnumerable<Rule> All()
    {
        yield return new("101", Code(H, "SEX", c => c.Codes.Sex, required: true));
        yield return new("102", Date(H, "DOB", required: true));
        yield return new("103", Code(H, "ETHNIC", _ => CodeLists.Ethnic, required: true));
        yield return new("168", ctx => Rows(ctx, H, (t, r) => t.Get(r, "UPN") is { } upn
            && upn is not ("UN1" or "UN2" or "UN3" or "UN4" or "UN5") && !UpnPattern().IsMatch(upn)));
        yield return new("171", Date(H, "MC_DOB"));
        yield return new("174", ctx => Rows(ctx, H, (t, r) => t.Filled(r, "MC_DOB") && IsMale(t.Get(r, "SEX"))));
        yield return new("301", ctx => Rows(ctx, H, (t, r) => t.Date(r, "DOB") > ctx.End));
        yield return new("351", ctx => Rows(ctx, H, (t, r) => t.Date(r, "DOB") is { } dob && Dates.AgeOn(dob, ctx.Start) > 25));
        yield return new("209", ctx => Rows(ctx, H, (t, r) => t.Is(r, "UPN", "UN1")
            && t.Date(r, "DOB") is { } dob && Dates.AgeOn(dob, ctx.Start) is >= 5 and < 16));
        yield return new("210", ctx => Rows(ctx, H, (t, r) => t.Is(r, "UPN", "UN4")
            && ctx.EpisodesOf(t.Child(r)).Any(e => ctx.Episodes.Blank(e, "DEC") && ctx.Episodes.Date(e, "DECOM") is { } d && d.AddDays(7) <= ctx.End)));
        // As the reference: a child with an episode that is not respite (V3/V4).
        yield return new("442", ctx => Rows(ctx, H, (t, r) => t.Blank(r, "UPN") && ctx.EpisodesOf(t.Child(r)).Any(e => !ctx.Episodes.In(e, "LS", CodeLists.Respite))));
        yield return new("611", ctx => Rows(ctx, H, (t, r) => t.Is(r, "MOTHER", "1") && t.Blank(r, "MC_DOB")));
        yield return new("612", ctx => Rows(ctx, H, (t, r) => IsFemale(t.Get(r, "SEX")) && !t.Is(r, "MOTHER", "1") && t.Filled(r, "MC_DOB")));
        yield return new("620", ctx => Rows(ctx, H, (t, r) => t.Is(r, "MOTHER", "1") && t.Date(r, "DOB") is { } dob && Dates.AgeOn(dob, ctx.Start) < 11));
        // As the reference: a recorded child's DOB must fall after the mother's own (whatever MOTHER says).
        yield return new("621", ctx => Rows(ctx, H, (t, r) => t.Date(r, "MC_DOB") is { } mc && t.Date(r, "DOB") is { } dob && mc <= dob));
        yield return new("625", Rule625);
        // As the reference: a girl with any episode that is not respite (V3/V4, in any case), whatever her age.
        yield return new("393", ctx => Rows(ctx, H, (t, r) => IsFemale(t.Get(r, "SEX")) && t.Blank(r, "MOTHER")
            && ctx.EpisodesOf(t.Child(r)).Any(e => ctx.Episodes.Get(e, "LS") is not { } ls || !CodeLists.Respite.Contains(ls.ToUpperInvariant()))));
        yield return new("607", Rule607);
        yield return new("165", Rule165);
        // As the reference: a care leaver whose OC3 row has items completed.
        yield return new("628", ctx => Rows(ctx, H, (t, r) => t.Filled(r, "MOTHER") && ctx.EpisodesOf(t.Child(r)).Count == 0
            && ctx.RowsOf(ReturnTable.OC3, t.Child(r)).Any(o => Oc3Rules.Items.Any(i => ctx[ReturnTable.OC3].Filled(o, i)))));
    }

    private static IEnumerable<(ReturnTable, int)> Rule625(ValidationContext ctx)
    {
        var t = ctx.Header;
        foreach (var r in t.Rows)
        {
            if (t.Date(r, "MC_DOB") is not { } mc)
            {
                continue;
            }

            // As the reference: compared with the child's latest-ending episode (greatest DEC; the first such row on a tie).
            var latest = -1;
            DateOnly? latestDec = null;
            foreach (var e in ctx.RowsOf(ReturnTable.Episodes, t.Child(r)))
            {
                if (ctx.Episodes.Date(e, "DEC") is { } dec && (latestDec is null || dec > latestDec))
                {
                    (latest, latestDec) = (e, dec);
                }
            }

            if (mc > ctx.End || mc > latestDec)
            {
                // A child with no ended episode is still reported on the header (the reference skips them, which would
                // let a date after the year end through).
                yield return (H, r);
                if (latest >= 0)
                {
                    yield return (ReturnTable.Episodes, latest);
                }
            }
        }
    }

    // As the reference (and the DfE logic it quotes), for a child with an episode that is not respite: MOTHER, when
    // given, is 0 or 1 and for a girl only; a girl with an episode in the year has it; a girl with none but care leaver
    // items in OC3 does not. The header row and the child's OC3 rows are reported.
    private static IEnumerable<(ReturnTable, int)> Rule165(ValidationContext ctx)
    {
        var ep = ctx.Episodes;
        foreach (var (child, rows) in ctx.EpisodesByChild)
        {
            // Loops rather than LINQ: this runs for every child (the lists and closures were the rule's allocations).
            var care = false;
            var inYear = false;
            foreach (var e in rows)
            {
                if (ep.Get(e, "LS") is not { } ls || !CodeLists.Respite.Contains(ls.ToUpperInvariant()))
                {
                    care = true;
                    inYear |= ep.Date(e, "DECOM") is { } start && start <= ctx.End && (ep.Blank(e, "DEC") || ep.Date(e, "DEC") >= ctx.Start);
                }
            }

            if (!care)
            {
                continue;
            }

            var oc3 = ctx.RowsOf(ReturnTable.OC3, child);
            var leavers = ctx[ReturnTable.OC3];
            var leaverItems = false;
            for (var i = 0; i < oc3.Count && !leaverItems; i++)
            {
                leaverItems = leavers.Filled(oc3[i], "IN_TOUCH") || leavers.Filled(oc3[i], "ACTIV") || leavers.Filled(oc3[i], "ACCOM");
            }

            var headers = ctx.RowsOf(H, child);
            for (var i = 0; i < headers.Count; i++)
            {
                var h = headers[i];
                var mother = ctx.Header.Get(h, "MOTHER");
                var sex = ctx.Header.Get(h, "SEX");
                var fails = (mother is not null && mother is not ("0" or "1")) || (mother is not null && IsMale(sex))
                    || (mother is null && IsFemale(sex) && inYear) || (mother is not null && IsFemale(sex) && !inYear && leaverItems);
                if (fails)
                {
                    yield return (H, h);
                    foreach (var o in oc3)
                    {
                        yield return (ReturnTable.OC3, o);
                    }
                }
            }
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule607(ValidationContext ctx)
    {
        var t = ctx.Header;
        foreach (var r in t.Rows)
        {
            if (!IsFemale(t.Get(r, "SEX")) || t.Filled(r, "MOTHER"))
            {
                continue;
            }

            foreach (var e in ctx.EpisodesOf(t.Child(r)))
            {
                var ep = ctx.Episodes;
                if (ep.Date(e, "DEC") is { } dec && dec >= ctx.Start && dec <= ctx.End && ep.Filled(e, "REC") && !ep.Is(e, "REC", "X1")
                    && !ep.In(e, "LS", CodeLists.Respite))
                {
                    yield return (H, r);
                    yield return (ReturnTable.Episodes, e);
                }
            }
        }
    }
}
