using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Population;

namespace GmConnect.Workbench.Measures;

/// <summary>
/// The Workbench measures, per authority and year and for GM as a whole (the authorities that returned that year),
/// following the DfE definitions: respite-only (V3/V4) care is left out; "at 31 March" means looked after on that
/// day (an episode ending on 31 March has ended); a child counts once per measure unless the measure counts events.
/// </summary>
public static class Ssda903Measures
{
    /// <summary>The first collection year (start year) whose returns carry SWEpisodes.</summary>
    public const int SocialWorkerEpisodesFrom = 2023;

    /// <summary>The name of the all-authorities area.</summary>
    public const string GreaterManchester = "GM";

    /// <summary>Computes every measure (unsuppressed; see <see cref="Suppression"/>).</summary>
    public static IReadOnlyList<MeasureValue> Compute(Ssda903History history, PopulationTable? population = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        population ??= PopulationTable.Shipped;
        var byAuthority = history.Children.GroupBy(c => c.Key.Authority, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var allYears = history.YearsByAuthority.Values.SelectMany(y => y).Distinct().Order().ToList();
        var work = new List<(string Area, CollectionYear Year, IReadOnlyList<ChildHistory>? Children, long? Population)>();
        foreach (var year in allYears)
        {
            long gmPopulation = 0;
            var gmPopulationKnown = true;
            foreach (var (authority, years) in history.YearsByAuthority)
            {
                if (!years.Contains(year))
                {
                    continue;
                }

                var children = byAuthority.GetValueOrDefault(authority) ?? [];
                var pop = population.Children(authority, year);
                gmPopulation += pop ?? 0;
                gmPopulationKnown &= pop is not null;
                work.Add((authority, year, children, pop));
            }

            // GM (Children null) is every authority of the year above it, in that order.
            work.Add((GreaterManchester, year, null, gmPopulationKnown ? gmPopulation : null));
        }

        // What each child's year contributes is worked out once per authority and year, in parallel; GM reads its
        // authorities' facts in turn (it used to work every one of them out a second time).
        var facts = ParallelWork.Map(work, w => w.Children is null ? null : Facts(w.Year, w.Children));
        for (var i = 0; i < work.Count; i++)
        {
            if (facts[i] is null)
            {
                var gm = new List<ChildYear>();
                for (var j = 0; j < i; j++)
                {
                    if (work[j].Year == work[i].Year && work[j].Children is not null)
                    {
                        gm.AddRange(facts[j]!);
                    }
                }

                facts[i] = gm;
            }
        }

        // Each area and year is independent: computed in parallel, returned in a stable order.
        var areas = ParallelWork.Map(Enumerable.Range(0, work.Count).ToArray(), i => ForArea(work[i].Area, work[i].Year, facts[i]!, work[i].Population).ToList());
        var result = new List<MeasureValue>(areas.Sum(a => a.Count));
        foreach (var area in areas)
        {
            result.AddRange(area);
        }

        return result;
    }

    // Only children looked after at some time in the year can count in any measure of the year.
    private static List<ChildYear> Facts(CollectionYear year, IReadOnlyList<ChildHistory> children)
    {
        var (start, end) = (year.Start, year.End);
        var facts = new List<ChildYear>();
        foreach (var c in children)
        {
            if (c.LookedAfterBetween(start, end))
            {
                facts.Add(ChildYear.Of(c, start, end));
            }
        }

        return facts;
    }


    /// <summary>The measures for one area and year.</summary>
    private static IEnumerable<MeasureValue> ForArea(string area, CollectionYear year, IReadOnlyList<ChildYear> children, long? population)
    {
        var end = year.End;
        MeasureValue V(string measure, string category, MeasureKind kind, double? value, int @base) => new(area, year, measure, category, kind, value, @base);

        // Looked after at 31 March (not respite).
        var atEnd = children.Where(x => x.Episode is not null).Select(x => (x.Child, Period: x.Period!, Episode: x.Episode!, Facts: x)).ToList();
        yield return V("cla_31_march", "all", MeasureKind.Count, atEnd.Count, atEnd.Count);
        if (population is > 0)
        {
            yield return V("cla_rate_per_10000", "all", MeasureKind.Rate, Math.Round(atEnd.Count * 10000.0 / population.Value, 1), atEnd.Count);
        }

        foreach (var g in atEnd.GroupBy(x => x.Episode.LegalStatus ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_by_legal_status", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        foreach (var g in atEnd.GroupBy(x => x.Episode.Place ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_by_placement", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        foreach (var g in atEnd.GroupBy(x => PlacementCategories.Of(x.Episode.Place)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_by_placement_category", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        foreach (var g in atEnd.GroupBy(x => x.Episode.Provider ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_by_provider", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        // Where children are placed: inside their own authority or not, and how far from home (DfE miles), at
        // sector level; a postcode outside the GM table is "not_known", never guessed.
        var located = atEnd.Select(x => x.Facts.Located).ToList();
        foreach (var g in located.GroupBy(l => l.Location).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_placement_location", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        foreach (var g in located.GroupBy(l => DistanceBand(l.Miles)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("cla_by_distance_band", g.Key, MeasureKind.Count, g.Count(), atEnd.Count);
        }

        var measured = located.Where(l => l.Miles is not null).ToList();
        if (measured.Count > 0)
        {
            yield return V("cla_over_20_miles", "all", MeasureKind.Percent, Math.Round(100.0 * measured.Count(l => l.Miles > 20) / measured.Count, 1), measured.Count);
        }

        var uasc = atEnd.Count(x => x.Facts.UascAtEnd);
        yield return V("uasc_31_march", "all", MeasureKind.Count, uasc, atEnd.Count);

        // Starts: children whose (non-respite) period began in the year, each child once.
        var starters = children.Where(x => x.Started is not null).Select(x => (x.Child, Period: x.Started)).ToList();
        yield return V("started", "all", MeasureKind.Count, starters.Count, starters.Count);
        foreach (var g in starters.GroupBy(x => AgeBand(x.Child.AgeOn(x.Period!.Start))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("started_by_age", g.Key, MeasureKind.Count, g.Count(), starters.Count);
        }

        // Ceased: the last period ending in the year, each child once.
        var leavers = children.Where(x => x.Ceased is not null).Select(x => (x.Child, Period: x.Ceased!)).ToList();
        yield return V("ceased", "all", MeasureKind.Count, leavers.Count, leavers.Count);
        foreach (var g in leavers.GroupBy(x => ReasonGroup(x.Period.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return V("ceased_by_reason", g.Key, MeasureKind.Count, g.Count(), leavers.Count);
        }

        if (leavers.Count > 0)
        {
            yield return V("ceased_median_duration_days", "all", MeasureKind.Days, Median(leavers.Select(x => (double)x.Period.DaysTo(end))), leavers.Count);
        }

        // Placement stability: 3+ placements during the year, of children looked after at 31 March.
        if (atEnd.Count > 0)
        {
            var three = atEnd.Count(x => x.Facts.Placements >= 3);
            yield return V("stability_3plus_placements", "all", MeasureKind.Percent, Math.Round(100.0 * three / atEnd.Count, 1), atEnd.Count);
        }

        // Social worker stability: of children looked after at 31 March, the share with 3 or more social workers during
        // the year (each counted once). Only where the year's returns carry SWEpisodes (2023/24 on): an area whose
        // children have none in the year gets no figure rather than a false 0.
        // Episodes in a 2023/24 return reach back before it, so earlier years get no figure either.
        var withWorkers = atEnd.Select(x => x.Facts.SocialWorkers).ToList();
        if (year.StartYear >= SocialWorkerEpisodesFrom && withWorkers.Any(n => n > 0))
        {
            yield return V("social_workers_3plus", "all", MeasureKind.Percent, Math.Round(100.0 * withWorkers.Count(n => n >= 3) / atEnd.Count, 1), atEnd.Count);
        }

        // Long-term stability: under 16 at 31 March, looked after 2.5 years or more, same placement for 2 years or more.
        var longTerm = atEnd.Where(x => x.Facts.LongTerm).ToList();
        if (longTerm.Count > 0)
        {
            var stable = longTerm.Count(x => x.Facts.LongTermStable);
            yield return V("stability_long_term", "all", MeasureKind.Percent, Math.Round(100.0 * stable / longTerm.Count, 1), longTerm.Count);
        }

        // Missing and away from placement without authorisation, for children looked after during the year.
        var during = children.Where(x => x.During).ToList();
        foreach (var type in new[] { ("M", "missing"), ("A", "away") })
        {
            var counts = during.Select(x => type.Item1 == "M" ? x.MissingIncidents : x.AwayIncidents).ToList();
            var kids = counts.Count(n => n > 0);
            yield return V($"{type.Item2}_children", "all", MeasureKind.Count, kids, during.Count);
            yield return V($"{type.Item2}_incidents", "all", MeasureKind.Count, counts.Sum(), kids);
            if (during.Count > 0)
            {
                yield return V($"{type.Item2}_children_percent", "all", MeasureKind.Percent, Math.Round(100.0 * kids / during.Count, 1), during.Count);
            }
        }

        // Adoption timeliness for children adopted in the year (A1, A10, A2: averages in days).
        var adopted = children.SelectMany(x => x.Adopted).ToList();
        yield return V("adopted", "all", MeasureKind.Count, adopted.Count, adopted.Count);
        var a1 = adopted.Where(a => a.PlacedForAdoption is not null).Select(a => (double)(a.PlacedForAdoption!.Value.DayNumber - a.EnteredCare.DayNumber)).ToList();
        if (a1.Count > 0)
        {
            yield return V("adoption_a1_days", "all", MeasureKind.Days, Math.Round(a1.Average(), 1), a1.Count);
        }

        var a10 = adopted.Where(a => a.PlacedForAdoption is not null)
            .Select(a => (double)((a.ByFosterCarer && a.FosterPlacementStart is { } f ? f : a.PlacedForAdoption!.Value).DayNumber - a.EnteredCare.DayNumber)).ToList();
        if (a10.Count > 0)
        {
            yield return V("adoption_a10_days", "all", MeasureKind.Days, Math.Round(a10.Average(), 1), a10.Count);
        }

        var a2 = adopted.Where(a => a.CourtAuthority is not null && a.Matched is not null)
            .Select(a => (double)Math.Max(0, a.Matched!.Value.DayNumber - a.CourtAuthority!.Value.DayNumber)).ToList();
        if (a2.Count > 0)
        {
            yield return V("adoption_a2_days", "all", MeasureKind.Days, Math.Round(a2.Average(), 1), a2.Count);
        }
    }

    /// <summary>
    /// What the measures of one year need about one child looked after in it, worked out once: the child's authority
    /// and GM as a whole read the same facts (before, GM worked every one of them out a second time).
    /// </summary>
    private sealed class ChildYear(ChildHistory child)
    {
        public ChildHistory Child { get; } = child;

        /// <summary>The period and (non-respite) episode at 31 March, both null when not looked after then.</summary>
        public PeriodOfCare? Period { get; init; }

        public Episode? Episode { get; init; }

        public (string Location, double? Miles) Located { get; init; }

        public bool UascAtEnd { get; init; }

        public PeriodOfCare? Started { get; init; }

        public PeriodOfCare? Ceased { get; init; }

        public int Placements { get; init; }

        public int SocialWorkers { get; init; }

        public bool LongTerm { get; init; }

        public bool LongTermStable { get; init; }

        public bool During { get; init; }

        public int MissingIncidents { get; init; }

        public int AwayIncidents { get; init; }

        public IReadOnlyList<AdoptionSteps> Adopted { get; init; } = [];

        public static ChildYear Of(ChildHistory c, DateOnly start, DateOnly end)
        {
            var period = c.PeriodOn(end);
            var episode = period?.EpisodeOn(end) is { IsRespite: false } e ? e : null;
            if (episode is null)
            {
                period = null;
            }

            // Loops rather than LINQ with lambdas: this runs for every child in every year, and each lambda capturing
            // start and end was an allocation per call (the measures allocated about 250 MB for GM).
            var during = false;
            PeriodOfCare? started = null;
            PeriodOfCare? ceased = null;
            foreach (var p in c.Periods)
            {
                during |= !p.IsRespite && p.Start <= end && (p.End is null || p.End >= start);
                if (started is null && p.Start >= start && p.Start <= end && !p.IsRespite)
                {
                    started = p;
                }

                if (p.End is { } x && x >= start && x <= end && !p.IsRespite)
                {
                    ceased = p;
                }
            }

            var (missing, away) = (0, 0);
            if (during)
            {
                foreach (var m in c.Missing)
                {
                    if (m.Start >= start && m.Start <= end)
                    {
                        missing += m.Type == "M" ? 1 : 0;
                        away += m.Type == "A" ? 1 : 0;
                    }
                }
            }

            List<AdoptionSteps>? adopted = null;
            foreach (var a in c.Adoptions)
            {
                if (a.Adopted >= start && a.Adopted <= end)
                {
                    (adopted ??= []).Add(a);
                }
            }

            return new ChildYear(c)
            {
                Period = period,
                Episode = episode,
                Located = episode is null ? default : Locate(c.Key.Authority, episode),
                UascAtEnd = episode is not null && c.IsUascOn(end),
                Started = started,
                Ceased = ceased,
                Placements = episode is null ? 0 : c.PlacementsBetween(start, end),
                SocialWorkers = episode is null ? 0 : c.SocialWorkersBetween(start, end),
                LongTerm = episode is not null && c.AgeOn(end) < 16 && period!.Start <= end.AddMonths(-30),
                LongTermStable = episode is not null && c.AgeOn(end) < 16 && period!.Start <= end.AddMonths(-30) && SamePlacementSince(period, end) <= end.AddYears(-2),
                During = during,
                MissingIncidents = missing,
                AwayIncidents = away,
                Adopted = adopted is null ? [] : adopted,
            };
        }
    }

    /// <summary>DfE age bands at a date: under 1, 1–4, 5–9, 10–15, 16+.</summary>
    public static string AgeBand(int? age) => age switch
    {
        null => "unknown",
        < 1 => "0",
        < 5 => "1-4",
        < 10 => "5-9",
        < 16 => "10-15",
        _ => "16+",
    };

    /// <summary>
    /// Where an episode's placement is, for the responsible authority: <c>inside_la</c>, <c>outside_la_in_gm</c> or
    /// <c>not_known</c> (no placement postcode, a postcode outside GM, or an authority that is not one of the ten),
    /// and the distance from home in miles when both postcodes are known.
    /// </summary>
    public static (string Location, double? Miles) Locate(string authority, Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var sectors = PostcodeSectors.Shipped;
        var placed = sectors.Find(episode.PlacementPostcode);
        var home = sectors.Find(episode.HomePostcode);
        var miles = placed is not null && home is not null ? PostcodeSectors.DistanceMiles(home, placed) : (double?)null;
        var ons = GmAuthorities.OnsCode(authority);
        var location = placed is null || ons is null ? "not_known"
            : placed.LocalAuthority == ons ? "inside_la" : "outside_la_in_gm";
        return (location, miles);
    }

    /// <summary>DfE-style distance bands in miles: 0-5, 5-10, 10-20, 20+ (upper bounds inclusive), or not_known.</summary>
    public static string DistanceBand(double? miles) => miles switch
    {
        null => "not_known",
        <= 5 => "0-5",
        <= 10 => "5-10",
        <= 20 => "10-20",
        _ => "20+",
    };

    /// <summary>The standard groupings of the reason a child ceased to be looked after.</summary>
    public static string ReasonGroup(string? rec) => rec switch
    {
        "E11" or "E12" => "adopted",
        "E41" => "child_arrangements_order",
        "E43" or "E44" or "E45" or "E46" or "E47" or "E48" => "special_guardianship",
        "E4A" or "E4B" => "returned_home",
        "E13" => "lives_with_parents_relatives_without_pr",
        "E5" or "E6" => "independent_living",
        "E17" => "stayed_with_carers_18_plus",
        "E7" => "adult_social_care",
        "E9" => "custody",
        "E14" => "remand_ended",
        "E15" => "age_assessment",
        "E16" => "moved_abroad",
        "E2" => "died",
        "E3" => "care_transferred",
        "E8" => "other",
        _ => "not_recorded",
    };

    // The start of the child's current placement, going back through temporary placements and returns to it.
    private static DateOnly SamePlacementSince(PeriodOfCare period, DateOnly day)
    {
        var placements = period.Placements.Where(p => p.Start <= day).ToList();
        var i = placements.FindLastIndex(p => !p.Temporary);
        if (i < 0)
        {
            return day;
        }

        var current = placements[i];
        var since = current.Start;
        for (var j = i - 1; j >= 0; j--)
        {
            var p = placements[j];
            if (p.Temporary)
            {
                continue;
            }

            if (p.Place == current.Place && p.Urn == current.Urn && p.Postcode == current.Postcode)
            {
                since = p.Start;
                continue;
            }

            break;
        }

        return since;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
