namespace GmConnect.Workbench.Derived;

/// <summary>Everything known about one child across the years loaded: characteristics, periods of care, missing periods, adoptions.</summary>
public sealed class ChildHistory
{
    internal ChildHistory(ChildKey key, DateOnly? dob, string? sex, string? ethnic, DateOnly? uascCeased, bool uasc,
        IReadOnlyList<Episode> episodes, IReadOnlyList<MissingEpisode> missing, IReadOnlyList<AdoptionSteps> adoptions)
        : this(key, dob, sex, ethnic, uascCeased, uasc, episodes, Chain(episodes), missing, adoptions)
    {
    }

    /// <summary>As the other constructor, with <paramref name="periods"/> already chained from <paramref name="episodes"/>.</summary>
    internal ChildHistory(ChildKey key, DateOnly? dob, string? sex, string? ethnic, DateOnly? uascCeased, bool uasc,
        IReadOnlyList<Episode> episodes, IReadOnlyList<PeriodOfCare> periods, IReadOnlyList<MissingEpisode> missing, IReadOnlyList<AdoptionSteps> adoptions)
    {
        Key = key;
        DateOfBirth = dob;
        Sex = sex;
        Ethnic = ethnic;
        UascCeased = uascCeased;
        WasUasc = uasc;
        Episodes = episodes;
        Missing = missing;
        Periods = periods;
        Adoptions = adoptions;
        if (Periods.Count > 0)
        {
            _firstStart = Periods[0].Start;
            _lastEnd = Periods[^1].End ?? DateOnly.MaxValue;
        }
    }

    private readonly DateOnly _firstStart = DateOnly.MaxValue;
    private readonly DateOnly _lastEnd = DateOnly.MinValue;

    /// <summary>Whether the child was looked after at any time in [from, to] (a cheap filter before the measures look closer).</summary>
    public bool LookedAfterBetween(DateOnly from, DateOnly to) => _firstStart <= to && _lastEnd >= from;

    public ChildKey Key { get; }

    public DateOnly? DateOfBirth { get; }

    /// <summary>Sex as M/F/U (older 1/2 codes are mapped).</summary>
    public string? Sex { get; }

    public string? Ethnic { get; }

    /// <summary>Whether the child has been an unaccompanied asylum-seeking child.</summary>
    public bool WasUasc { get; }

    /// <summary>Date UASC status ceased, when known.</summary>
    public DateOnly? UascCeased { get; }

    public IReadOnlyList<Episode> Episodes { get; }

    public IReadOnlyList<PeriodOfCare> Periods { get; }

    public IReadOnlyList<MissingEpisode> Missing { get; }

    public IReadOnlyList<AdoptionSteps> Adoptions { get; }

    /// <summary>Social worker episodes in start order (returns from 2023/24 carry them).</summary>
    public IReadOnlyList<SocialWorkerEpisode> SocialWorkers { get; init; } = [];

    /// <summary>The distinct social workers the child had at some time in [from, to].</summary>
    public int SocialWorkersBetween(DateOnly from, DateOnly to)
    {
        // A loop and a set made only when needed: the measures ask this of every child looked after at 31 March.
        HashSet<string>? seen = null;
        foreach (var w in SocialWorkers)
        {
            if (w.Start <= to && (w.End is null || w.End >= from))
            {
                (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(w.SocialWorker);
            }
        }

        return seen?.Count ?? 0;
    }

    /// <summary>Whether UASC on <paramref name="day"/>.</summary>
    public bool IsUascOn(DateOnly day) => WasUasc && (UascCeased is null || UascCeased > day);

    /// <summary>Age in whole years on a day, if the date of birth is known.</summary>
    public int? AgeOn(DateOnly day) => DateOfBirth is { } dob ? Model.Dates.AgeOn(dob, day) : null;

    /// <summary>The period covering the day, if any.</summary>
    public PeriodOfCare? PeriodOn(DateOnly day)
    {
        for (var i = Periods.Count - 1; i >= 0; i--)
        {
            if (Periods[i].Covers(day))
            {
                return Periods[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Placements (temporary ones and a return to the same placement after one left out) overlapping [from, to].
    /// </summary>
    public int PlacementsBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        foreach (var period in Periods)
        {
            Placement? lastReal = null;
            foreach (var p in period.Placements)
            {
                if (p.Temporary)
                {
                    continue;
                }

                var returning = lastReal is not null && lastReal.Place == p.Place && lastReal.Urn == p.Urn && lastReal.Postcode == p.Postcode;
                var overlaps = p.Start <= to && (p.End is null || p.End > from);
                if (overlaps && !(returning && lastReal!.End >= from))
                {
                    count++;
                }

                lastReal = p;
            }
        }

        return count;
    }

    internal static List<PeriodOfCare> Chain(IReadOnlyList<Episode> episodes)
    {
        var periods = new List<PeriodOfCare>();
        var current = new List<Episode>();
        foreach (var e in episodes)
        {
            var prev = current.Count > 0 ? current[^1] : null;
            var continues = prev is not null && e.Rne != "S" && prev.End == e.Start && prev.Rec == "X1";
            if (!continues && current.Count > 0)
            {
                periods.Add(new PeriodOfCare(current));
                current = [];
            }

            current.Add(e);
        }

        if (current.Count > 0)
        {
            periods.Add(new PeriodOfCare(current));
        }

        return periods;
    }
}
