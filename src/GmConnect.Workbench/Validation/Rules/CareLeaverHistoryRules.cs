using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation.Rules;

/// <summary>
/// 1001: whether a care leaver's episodes, this year's and last year's together, make them a relevant or former
/// relevant child (run only when last year's return is supplied).
/// </summary>
internal static class CareLeaverHistoryRules
{
    private const ReturnTable O = ReturnTable.OC3;

    public static IEnumerable<Rule> All()
    {
        yield return new("1001", Rule1001);
    }

    // As the reference: both years' episodes (one per child and DECOM, keeping the one with an end date), V3/V4 respite
    // left out, the child's latest episode running to the collection end when it has no DEC. The OC3 row is reported
    // when the child was looked after for less than 91 days since their 14th birthday or not at all since their 16th,
    // or when their latest episode ended in adoption (E11, E12).
    // Where we differ, on purpose: a child with no episode in either year, with no valid header DOB, or aged 20 or more
    // at the collection end is not judged (the reference flags them: two years of episodes cannot show their care, its
    // own note warns of these false positives, and 1002 already reports care leavers with no episodes in either year).
    private static IEnumerable<(ReturnTable, int)> Rule1001(ValidationContext ctx)
    {
        if (ctx.Previous is not { } previous || ctx.Episodes.Count == 0 || previous[ReturnTable.Episodes].Count == 0)
        {
            yield break;
        }

        var oc3 = ctx[O];
        for (var r = 0; r < oc3.Count; r++)
        {
            var child = oc3.Child(r);
            if (ctx.Dob(child) is not { } dob || dob.AddYears(20) <= ctx.End)
            {
                continue;
            }

            var episodes = Episodes(ctx, previous[ReturnTable.Episodes], child);
            if (episodes.Count == 0)
            {
                continue;
            }

            var (since14, since16) = (0, 0);
            foreach (var e in episodes)
            {
                if (e.Ls is "V3" or "V4" || e.End is not { } end)
                {
                    continue;
                }

                since14 += Math.Max(0, Dates.DaysBetween(Later(e.Start, dob.AddYears(14)), end));
                since16 += Math.Max(0, Dates.DaysBetween(Later(e.Start, dob.AddYears(16)), end));
            }

            var adopted = episodes[^1].Rec is "E11" or "E12";
            if (adopted || since14 < 91 || since16 < 1)
            {
                yield return (O, r);
            }
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private readonly record struct Episode(DateOnly Start, DateOnly? End, string? Ls, string? Rec);

    // The child's episodes of both years in DECOM order, one per DECOM (the one with the earliest DEC; a blank DEC
    // loses); the latest runs to the collection end when it has no DEC. Episodes whose DECOM is not a date are left out.
    private static List<Episode> Episodes(ValidationContext ctx, Ssda903Table previous, string child)
    {
        var byStart = new SortedDictionary<DateOnly, Episode>();
        Add(ctx.Episodes, ctx.EpisodesOf(child));
        Add(previous, ctx.PreviousEpisodesByChild.TryGetValue(child, out var rows) ? rows : []);
        var list = byStart.Values.ToList();
        if (list.Count > 0 && list[^1].End is null)
        {
            list[^1] = list[^1] with { End = ctx.End };
        }

        return list;

        void Add(Ssda903Table table, IReadOnlyList<int> rows)
        {
            foreach (var e in rows)
            {
                if (table.Date(e, "DECOM") is not { } start)
                {
                    continue;
                }

                var episode = new Episode(start, table.Date(e, "DEC"), table.Get(e, "LS")?.ToUpperInvariant(), table.Get(e, "REC")?.ToUpperInvariant());
                if (!byStart.TryGetValue(start, out var kept) || (episode.End is { } end && (kept.End is null || end < kept.End)))
                {
                    byStart[start] = episode;
                }
            }
        }
    }
}
