using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Stories;

/// <summary>
/// Data story "drifters": children who enter care aged 0–2 (periods starting with RNE S, not respite), how long
/// they stay and how they leave (adoption, return home, SGO/CAO, other). Children still in care are right-censored
/// at the reference date and the share still in care after 2, 3 and 4 years is a Kaplan–Meier estimate, so recent
/// cohorts count without biasing durations short. Per authority, per entry cohort, and for GM.
/// </summary>
public static class DriftersStory
{
    private static readonly int[] Years = [2, 3, 4];

    /// <summary>Runs the story; the reference date defaults to the latest collection end loaded.</summary>
    public static IReadOnlyList<DriftersResult> Run(Ssda903History history, DateOnly? referenceDate = null, bool excludeUasc = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        var reference = referenceDate ?? history.YearsByAuthority.Values.SelectMany(y => y).Select(y => y.End).DefaultIfEmpty().Max();
        var entries = new List<(string Area, Model.CollectionYear Cohort, PeriodOfCare Period)>();
        foreach (var child in history.Children)
        {
            if (excludeUasc && child.WasUasc)
            {
                continue;
            }

            foreach (var period in child.Periods)
            {
                if (period.Episodes[0].Rne == "S" && !period.IsRespite && period.Start <= reference && child.AgeOn(period.Start) is >= 0 and < 3)
                {
                    entries.Add((child.Key.Authority, Model.CollectionYear.Containing(period.Start), period));
                }
            }
        }

        var results = new List<DriftersResult>();
        foreach (var area in entries.GroupBy(e => e.Area, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            results.Add(Summarise(area.Key, "all", area.Select(e => e.Period), reference));
            foreach (var cohort in area.GroupBy(e => e.Cohort).OrderBy(g => g.Key))
            {
                results.Add(Summarise(area.Key, cohort.Key.ToString(), cohort.Select(e => e.Period), reference));
            }
        }

        results.Add(Summarise(Ssda903Measures.GreaterManchester, "all", entries.Select(e => e.Period), reference));
        foreach (var cohort in entries.GroupBy(e => e.Cohort).OrderBy(g => g.Key))
        {
            results.Add(Summarise(Ssda903Measures.GreaterManchester, cohort.Key.ToString(), cohort.Select(e => e.Period), reference));
        }

        return results;
    }

    private static DriftersResult Summarise(string area, string cohort, IEnumerable<PeriodOfCare> periods, DateOnly reference)
    {
        var list = periods.ToList();
        var km = new KaplanMeier(list.Select(p => p.End is { } end && end <= reference
            ? (end.DayNumber - p.Start.DayNumber, true)
            : (reference.DayNumber - p.Start.DayNumber, false)));
        double? At(int years) => km.Survival(years * 365 + years / 4);
        var left = list.Where(p => p.End is { } e && e <= reference).Select(p => p.Reason).ToList();
        return new DriftersResult(area, cohort, list.Count, At(Years[0]), At(Years[1]), At(Years[2]),
            left.Count(r => r is "E11" or "E12"),
            left.Count(r => r is "E4A" or "E4B"),
            left.Count(r => r is "E41" or "E43" or "E44" or "E45" or "E46" or "E47" or "E48"),
            left.Count(r => r is not ("E11" or "E12" or "E4A" or "E4B" or "E41" or "E43" or "E44" or "E45" or "E46" or "E47" or "E48")),
            list.Count - left.Count);
    }
}
