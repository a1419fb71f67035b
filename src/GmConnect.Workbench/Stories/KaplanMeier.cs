namespace GmConnect.Workbench.Stories;

/// <summary>
/// The Kaplan–Meier estimate of a survival function from right-censored durations: S(t) = Π over event times
/// tᵢ ≤ t of (1 − dᵢ/nᵢ), where dᵢ events happen at tᵢ among nᵢ still at risk. Censored observations (children
/// still in care at the reference date) count as at risk up to and including their censoring time.
/// </summary>
public sealed class KaplanMeier
{
    private readonly (int Time, double Survival)[] _steps;

    /// <summary>Fits the estimate.</summary>
    /// <param name="observations">Duration in days, and whether the event (leaving care) happened (false: censored).</param>
    public KaplanMeier(IEnumerable<(int Time, bool Event)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var data = observations.ToList();
        Count = data.Count;
        var steps = new List<(int, double)>();
        var atRisk = data.Count;
        var survival = 1.0;
        foreach (var group in data.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            var events = group.Count(o => o.Event);
            if (events > 0 && atRisk > 0)
            {
                survival *= 1.0 - ((double)events / atRisk);
                steps.Add((group.Key, survival));
            }

            atRisk -= group.Count();
        }

        _steps = steps.ToArray();
        MaxTime = data.Count == 0 ? 0 : data.Max(o => o.Time);
    }

    /// <summary>Number of observations.</summary>
    public int Count { get; }

    /// <summary>The longest duration observed (the estimate is not defined beyond it).</summary>
    public int MaxTime { get; }

    /// <summary>S(t): the estimated share still "surviving" (here: still in care) after <paramref name="time"/> days; null beyond the data.</summary>
    public double? Survival(int time)
    {
        if (Count == 0 || time > MaxTime)
        {
            return null;
        }

        var s = 1.0;
        foreach (var (t, value) in _steps)
        {
            if (t > time)
            {
                break;
            }

            s = value;
        }

        return s;
    }
}
