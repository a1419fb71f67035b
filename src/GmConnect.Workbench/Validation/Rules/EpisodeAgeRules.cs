using GmConnect.Workbench.Model;
using static GmConnect.Workbench.Validation.Checks;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>Rules that compare an episode with the child's age (Episodes joined to Header on CHILD).</summary>
internal static class EpisodeAgeRules
{
    private const ReturnTable E = ReturnTable.Episodes;

    public static IEnumerable<Rule> All()
    {
        // As the reference: the child's first episode (earliest DECOM) against the header's DOB; both rows reported.
        yield return new("364", Rule364);
        // As the reference: an episode still open at the year end of a child who turned 18 before it must be section
        // 20(5) accommodation (V2) in a community home (K2).
        yield return new("359", ctx => Rows(ctx, ReturnTable.Episodes, (t, r) => t.Blank(r, "DEC") && ctx.Dob(t.Child(r)) is { } dob
            && dob.AddYears(18) < ctx.End && !(t.Is(r, "LS", "V2") && t.Is(r, "PLACE", "K2"))));
        yield return new("302", ctx => ctx.EpisodesByChild.Values
            .Where(rows => ctx.Episodes.Date(rows[0], "DECOM") is { } d && ctx.Dob(ctx.Episodes.Child(rows[0])) is { } dob && d < dob)
            .SelectMany(rows => new[] { (E, rows[0]), (ReturnTable.Header, ctx.HeaderRow(ctx.Episodes.Child(rows[0]))) }));
        yield return new("352", AgeAt("DECOM", (t, r) => t.Is(r, "RNE", "S"), age => age >= 18));
        // 358 and 407 name the DOB among their fields and the reference reports the header row with the episode.
        yield return new("358", WithHeader(AgeAt("DECOM", (t, r) => t.Is(r, "LS", "J1", "J2", "J3"), age => age < 10)));
        yield return new("371", AgeAt("DECOM", (t, r) => t.Is(r, "PLACE", "H5", "K3"), age => age < 16));
        yield return new("372", AgeAt("DECOM", (t, r) => t.Is(r, "PLACE", "R5"), age => age < 10));
        // 2023/24 only (the catalogue's): independent living (P2) from 16. The reference's shared age helper skips an
        // open placement; as for 374 we check it too.
        yield return new("370", AgeAt("DECOM", (t, r) => t.Is(r, "PLACE", "P2"), age => age < 16));
        yield return new("373", AgeAt("DECOM", (t, r) => t.Is(r, "PLACE", "S1"), age => age < 4));
        yield return new("374", AgeAt("DECOM", (t, r) => t.Is(r, "PLACE", "P3"), age => age < 14));
        yield return new("386", AgeAt("DEC", (t, r) => t.Is(r, "REC", "E11", "E12"), age => age >= 18));
        yield return new("387", AgeAt("DEC", (t, r) => t.Is(r, "REC", "E5", "E6"), age => age < 14));
        yield return new("389", AgeAt("DEC", (t, r) => t.Is(r, "REC", "E7"), age => age < 16));
        yield return new("407", WithHeader(AgeAt("DEC", (t, r) => t.Is(r, "REC", "E45", "E46", "E47", "E48"), age => age >= 18)));
        yield return new("460", AgeAt("DEC", (t, r) => t.Is(r, "REC", "E17"), age => age < 18));
    }

    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> WithHeader(Func<ValidationContext, IEnumerable<(ReturnTable, int)>> rule) =>
        ctx => rule(ctx).SelectMany(hit => new[] { hit, (ReturnTable.Header, ctx.HeaderRow(ctx[hit.Item1].Child(hit.Item2))) });

    // The other age rules report the episode only, as the reference does.
    private static Func<ValidationContext, IEnumerable<(ReturnTable, int)>> AgeAt(string column, Func<Ssda903Table, int, bool> when, Func<int, bool> fails) =>
        ctx => Rows(ctx, E, (t, r) => when(t, r) && Checks.AgeAt(ctx, t, r, column) is { } age && fails(age));

    // PACE (J2) detention, as the reference reads it: a child's J2 episodes that follow on (each starting by the end of
    // the one before) make one spell, an open one running to the year end; a spell over 21 days reports its episodes.
    private static IEnumerable<(ReturnTable, int)> Rule364(ValidationContext ctx)
    {
        var t = ctx.Episodes;
        // One spell list for the rule (it is emptied at each child's end), and the J2 rows picked in the loop.
        var spell = new List<int>();
        foreach (var rows in ctx.EpisodesByChild.Values)
        {
            var days = 0;
            DateOnly? lastEnd = null;
            for (var k = 0; k <= rows.Count; k++)
            {
                var r = k < rows.Count ? rows[k] : -1;
                if (r >= 0 && !(t.Is(r, "LS", "J2") && t.Date(r, "DECOM") is not null))
                {
                    continue;
                }

                var start = r >= 0 ? t.Date(r, "DECOM") : null;
                if (r < 0 || start > lastEnd || lastEnd is null)
                {
                    if (days > 21)
                    {
                        foreach (var e in spell)
                        {
                            yield return (ReturnTable.Episodes, e);
                        }
                    }

                    spell.Clear();
                    days = 0;
                }

                if (r >= 0)
                {
                    var end = t.Date(r, "DEC") ?? (t.Blank(r, "DEC") ? ctx.End : null);
                    spell.Add(r);
                    days += end is { } e2 ? e2.DayNumber - start!.Value.DayNumber : 0;
                    lastEnd = end;
                }
            }
        }
    }
}
