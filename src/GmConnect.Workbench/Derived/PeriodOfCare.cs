namespace GmConnect.Workbench.Derived;

/// <summary>
/// Continuous time looked after: a chain of episodes where each starts the day the last ended with REC X1.
/// A new period starts at RNE S, at a gap, or after an episode that ended with any other reason.
/// </summary>
public sealed class PeriodOfCare
{
    internal PeriodOfCare(IReadOnlyList<Episode> episodes)
    {
        Episodes = episodes;
        Start = episodes[0].Start;
        Placements = BuildPlacements(episodes);
        LegalStatusSpells = BuildSpells(episodes);
        // Fixed once built; the measures ask for these for every child, area and year, so they are kept, not recomputed.
        End = episodes[^1].Rec is { } rec && rec != "X1" ? episodes[^1].End : null;
        IsRespite = episodes.Any(e => e.IsRespite);
    }

    /// <summary>The episodes in order.</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    /// <summary>First day looked after.</summary>
    public DateOnly Start { get; }

    /// <summary>The day care ended (null while open).</summary>
    public DateOnly? End { get; }

    /// <summary>Why care ended (REC of the last episode), null while open.</summary>
    public string? Reason => End is null ? null : Episodes[^1].Rec;

    /// <summary>Category of need at the start (the DfE "main reason" at entry).</summary>
    public string? CinAtStart => Episodes[0].Cin;

    /// <summary>Whether any episode is respite (V3/V4); such periods are left out of headline counts.</summary>
    public bool IsRespite { get; }

    /// <summary>Placements in order.</summary>
    public IReadOnlyList<Placement> Placements { get; }

    /// <summary>Legal-status spells in order.</summary>
    public IReadOnlyList<LegalStatusSpell> LegalStatusSpells { get; }

    /// <summary>Whether looked after on <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => Start <= day && (End is null || End > day);

    /// <summary>The episode covering <paramref name="day"/>, if any.</summary>
    public Episode? EpisodeOn(DateOnly day)
    {
        for (var i = Episodes.Count - 1; i >= 0; i--)
        {
            if (Episodes[i].Covers(day))
            {
                return Episodes[i];
            }
        }

        return null;
    }

    /// <summary>Length in days to the end, or to <paramref name="asAt"/> while open.</summary>
    public int DaysTo(DateOnly asAt) => (End ?? asAt).DayNumber - Start.DayNumber;

    private static List<Placement> BuildPlacements(IReadOnlyList<Episode> episodes)
    {
        var result = new List<Placement>();
        foreach (var e in episodes)
        {
            var continues = result.Count > 0 && e.Rne == "L";
            if (continues)
            {
                var last = result[^1];
                result[^1] = last with { End = e.End };
            }
            else
            {
                if (result.Count > 0 && result[^1].End is null)
                {
                    result[^1] = result[^1] with { End = e.Start };
                }

                result.Add(new Placement(e.Start, e.End, e.Place, e.Provider, e.PlacementPostcode, e.Urn, e.IsTemporary));
            }
        }

        return result;
    }

    private static List<LegalStatusSpell> BuildSpells(IReadOnlyList<Episode> episodes)
    {
        var result = new List<LegalStatusSpell>();
        foreach (var e in episodes)
        {
            if (result.Count > 0 && result[^1].LegalStatus == e.LegalStatus)
            {
                result[^1] = result[^1] with { End = e.End };
            }
            else
            {
                result.Add(new LegalStatusSpell(e.Start, e.End, e.LegalStatus));
            }
        }

        return result;
    }
}
