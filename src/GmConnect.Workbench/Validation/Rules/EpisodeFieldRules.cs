using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules on the fields of a single episode (codes, dates, combinations of codes).</summary>
internal static class EpisodeFieldRules
{
    private const ReturnTable E = ReturnTable.Episodes;

    // "Before December 2005": E1 (placement order) replaced freeing orders from 1 December 2005 (the reference's date).
    private static readonly DateOnly FreeingOrdersEnded = new(2005, 12, 1);

    // Placement types for which no provider, postcode or URN is expected.
    private static readonly string[] NoProvider = ["T0", "T1", "T2", "T3", "T4", "Z1"];

    // Placement types with no Ofsted URN (2023/24 and 2024/25 lists).
    private static readonly string[] NoUrn = ["H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"];

    public static IEnumerable<Rule> All()
    {
        // A blank DECOM is not this rule's concern (the reference flags only a filled, invalid date).
        yield return new("141", Date(E, "DECOM"));
        yield return new("143", Code(E, "RNE", _ => CodeLists.Rne));
        yield return new("144", Code(E, "LS", _ => CodeLists.LegalStatus));
        yield return new("145", Code(E, "CIN", _ => CodeLists.CategoryOfNeed));
        yield return new("146", Code(E, "PLACE", c => c.Codes.Place));
        yield return new("147", Date(E, "DEC"));
        yield return new("148", ctx => Rows(ctx, E, (t, r) => t.Blank(r, "DEC") != t.Blank(r, "REC")));
        yield return new("149", Code(E, "REC", c => c.Codes.Rec));
        // As the reference: a provider code is also not valid for a placement that has no provider (T0–T4, Z1).
        yield return new("178", ctx => Rows(ctx, E, (t, r) => t.Get(r, "PLACE_PROVIDER") is { } p && (!CodeLists.PlaceProvider.Contains(p) || t.Is(r, "PLACE", NoProvider))));
        yield return new("1009", Code(E, "REASON_PLACE_CHANGE", c => c.Codes.ReasonPlaceChange));
        // The reference lists T0–T4 only here (Z1 is in the 214 list but not this one).
        yield return new("213", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "T0", "T1", "T2", "T3", "T4") && t.Filled(r, "PLACE_PROVIDER")));
        // As the reference: no placement location for respite (V3/V4) episodes.
        yield return new("214", ctx => Rows(ctx, E, (t, r) => t.In(r, "LS", CodeLists.Respite) && (t.Filled(r, "PL_POST") || t.Filled(r, "URN"))));
        // As the reference, a placement outside England (or in the Channel Islands or the Isle of Man) needs no Ofsted
        // URN (PlacementLocation). Supported accommodation (H5) needs one from 28 October 2023 only: 230 judges that.
        yield return new("218", ctx => Rows(ctx, E, (t, r) => t.Blank(r, "URN") && t.Filled(r, "PLACE") && !t.Is(r, "PLACE", NoUrn)
            && (t.Date(r, "DEC") is not { } dec || dec >= ctx.Start) && !PlacementLocation.OutsideEngland(ctx, t, r, crownDependencies: true)));
        // From 2023/24 (as the reference's rule for that year) supported accommodation (H5) may have a URN: it needs one
        // from 28 October 2023 (230).
        yield return new("222", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", NoUrn) && t.Filled(r, "URN") && !t.Is(r, "URN", "XXXXXXX")
            && !(ctx.Year.StartYear >= 2023 && t.Is(r, "PLACE", "H5"))));
        // A temporary placement has no reason for the change, nor has the episode before it (the reference's reading).
        yield return new("226", Rule226);
        yield return new("353", ctx => Rows(ctx, E, (t, r) => t.Date(r, "DECOM") < new DateOnly(1991, 10, 14)));
        yield return new("354", ctx => Rows(ctx, E, (t, r) => t.Date(r, "DECOM") > ctx.End));
        yield return new("385", ctx => Rows(ctx, E, (t, r) => t.Date(r, "DEC") > ctx.End));
        yield return new("355", ctx => Rows(ctx, E, (t, r) => t.Get(r, "DECOM") is { } s && t.Get(r, "DEC") == s));
        yield return new("356", ctx => Rows(ctx, E, (t, r) => t.Date(r, "DECOM") is { } s && t.Date(r, "DEC") < s));
        yield return new("361", ctx => Spells(ctx, "L1", 3));
        yield return new("362", ctx => Spells(ctx, "L2", 21));
        yield return new("363", ctx => Spells(ctx, "L3", 7));
        // An open respite episode runs to the collection end (as the reference).
        yield return new("365", ctx => Rows(ctx, E, (t, r) => t.Is(r, "LS", "V3") && t.Date(r, "DECOM") is { } s && Dates.DaysBetween(s, EndOrCollectionEnd(ctx, r)) > 17));
        yield return new("366", ctx => Rows(ctx, E, (t, r) => t.Is(r, "LS", "V3") && !t.Is(r, "RNE", "S")));
        yield return new("375", PlacementLongerThan("T1", 42));
        yield return new("376", PlacementLongerThan("T3", 21));
        yield return new("379", PlacementLongerThan("T4", 7));
        yield return new("378", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "P1") && t.Is(r, "LS", "V2")));
        // As the reference: a temporary placement must be a change of placement (RNE P or B).
        yield return new("380", ctx => Rows(ctx, E, (t, r) => t.In(r, "PLACE", CodeLists.Temporary) && !t.Is(r, "RNE", "P", "B")));
        yield return new("381", ctx => Rows(ctx, E, (t, r) => t.Filled(r, "REC") && !t.Is(r, "REC", "X1") && t.In(r, "PLACE", CodeLists.Temporary)));
        yield return new("382", ctx => Rows(ctx, E, (t, r) => t.In(r, "LS", CodeLists.Respite) && t.In(r, "PLACE", CodeLists.Temporary)));
        yield return new("384", ctx => Rows(ctx, E, (t, r) => t.In(r, "LS", CodeLists.Respite) && t.Is(r, "PLACE", "U1", "U4")));
        yield return new("390", ctx => Rows(ctx, E, (t, r) => t.Is(r, "REC", "E11", "E12") && !t.In(r, "PLACE", CodeLists.Adoption)));
        yield return new("408", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "A5", "A6") && !t.Is(r, "LS", "E1")));
        // As the reference: only episodes from 1 April 2015 (when A3/A5 began); a blank RNE is not S, T or U either.
        yield return new("217", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", "A3", "A5") && t.Date(r, "DECOM") >= new DateOnly(2015, 4, 1) && !t.Is(r, "RNE", "S", "T", "U")));
        yield return new("445", ctx => Rows(ctx, E, (t, r) => t.Is(r, "LS", "D1") && t.Date(r, "DECOM") > new DateOnly(2005, 12, 31)));
        yield return new("446", ctx => Rows(ctx, E, (t, r) => t.Is(r, "LS", "E1") && t.Date(r, "DECOM") < FreeingOrdersEnded));
        yield return new("451", ctx => Rows(ctx, E, (t, r) => t.Is(r, "LS", "D1") && t.Blank(r, "DEC") && t.Blank(r, "REC")));
        yield return new("516", ctx => Rows(ctx, E, (t, r) => t.Is(r, "REC", "E45", "E46") && !t.Is(r, "PLACE", "U1", "U2", "U3", "U4", "U5", "U6")));
        yield return new("526", ctx => Rows(ctx, E, (t, r) => t.Filled(r, "PLACE") && !t.Is(r, "PLACE", NoProvider) && t.Blank(r, "PLACE_PROVIDER")
            && (t.Date(r, "DEC") is not { } dec || dec >= ctx.Start)));
        yield return new("527", Provider("PR1", "P1", "R2", "R5"));
        yield return new("528", Provider("PR2", "P1", "R2", "R5"));
        yield return new("529", Provider("PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"));
        yield return new("530", Provider("PR4", "P1"));
        yield return new("531", Provider("PR5", "P1"));
        yield return new("550", ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE_PROVIDER", "PR0") && !t.Is(r, "PLACE", "P1")));
        yield return new("392b", ctx => Rows(ctx, E, (t, r) => (t.Blank(r, "HOME_POST") || t.Blank(r, "PL_POST"))
            && !t.In(r, "LS", CodeLists.Respite) && !t.In(r, "PLACE", CodeLists.Temporary) && !t.Is(r, "PLACE", "Z1")
            && !ctx.UascChildren.Contains(t.Child(r)) && (t.Date(r, "DEC") is not { } dec || dec >= ctx.Start)));
        yield return new("392d", ctx => Rows(ctx, E, (t, r) => t.Get(r, "HOME_POST") is { } home && t.Get(r, "PL_POST") is { } pl
            && SamePostcode(home, pl) && !t.Is(r, "PLACE", "P1")));
        yield return new("398", ctx => Rows(ctx, E, (t, r) => t.In(r, "LS", CodeLists.Respite) && (t.Filled(r, "HOME_POST") || t.Filled(r, "PL_POST"))));
    }

    // A short order (police protection L1 over 72 hours, EPO L2 over 21 days, CAO L3 over 7 days), as the reference
    // measures it: consecutive episodes of that legal status that run on (DEC the next episode's DECOM) count as one
    // spell, an open one runs to the collection end, and every episode of a spell longer than the limit is reported.
    private static IEnumerable<(ReturnTable, int)> Spells(ValidationContext ctx, string legalStatus, int days)
    {
        var t = ctx.Episodes;
        var spell = new List<int>();
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            var lastFlowed = false;
            DateOnly? first = null;
            DateOnly? last = null;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (!t.Is(r, "LS", legalStatus))
                {
                    continue;
                }

                if (!lastFlowed)
                {
                    foreach (var hit in Spell(spell, first, last, days))
                    {
                        yield return hit;
                    }

                    (first, last) = (null, null);
                }

                var dec = t.Date(r, "DEC") ?? ctx.End;
                spell.Add(r);
                first = t.Date(r, "DECOM") is { } decom && (first is null || decom < first) ? decom : first;
                last = last is null || dec > last ? dec : last;
                lastFlowed = i + 1 < rows.Count && t.Date(rows[i + 1], "DECOM") == dec;
            }

            foreach (var hit in Spell(spell, first, last, days))
            {
                yield return hit;
            }

            (first, last) = (null, null);
        }

        static List<(ReturnTable, int)> Spell(List<int> spell, DateOnly? first, DateOnly? last, int days)
        {
            var hits = first is { } f && last is { } l && Dates.DaysBetween(f, l) > days ? spell.Select(r => (E, r)).ToList() : [];
            spell.Clear();
            return hits;
        }
    }

    private static IEnumerable<(ReturnTable, int)> Rule226(ValidationContext ctx)
    {
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (ctx.Episodes.In(rows[i], "PLACE", CodeLists.Temporary)
                    && (ctx.Episodes.Filled(rows[i], "REASON_PLACE_CHANGE") || (i > 0 && ctx.Episodes.Filled(rows[i - 1], "REASON_PLACE_CHANGE"))))
                {
                    yield return (E, rows[i]);
                }
            }
        }
    }

    private static string Postcode(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    // Postcode(a) == Postcode(b) without making the two strings (this runs for every episode): for ASCII text, upper-
    // casing char by char is what ToUpperInvariant does; anything else takes the original path.
    private static bool SamePostcode(string a, string b)
    {
        if (!System.Text.Ascii.IsValid(a) || !System.Text.Ascii.IsValid(b))
        {
            return Postcode(a) == Postcode(b);
        }

        var (i, j) = (0, 0);
        while (true)
        {
            while (i < a.Length && a[i] == ' ')
            {
                i++;
            }

            while (j < b.Length && b[j] == ' ')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToUpperInvariant(a[i++]) != char.ToUpperInvariant(b[j++]))
            {
                return false;
            }
        }
    }

    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> PlacementLongerThan(string place, int days) =>
        ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE", place) && t.Date(r, "DECOM") is { } s && Dates.DaysBetween(s, EndOrCollectionEnd(ctx, r)) > days);

    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> Provider(string provider, params string[] places) =>
        ctx => Rows(ctx, E, (t, r) => t.Is(r, "PLACE_PROVIDER", provider) && t.Is(r, "PLACE", places));
}
