using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;

namespace GmConnect.Workbench.Forecast;

/// <summary>
/// A stock-and-flow (Markov) demand model like the Social Finance one. States are age band × placement category
/// (bands [0,1), [1,5), [5,10), [10,16), 16+; categories Fostering, Residential, Supported, Other). From the
/// history in a reference window it estimates daily rates: entries into each state (children starting to be looked
/// after, per day), moves between states (placement category changes and ageing) and exits, each as
/// transitions ÷ child-days in the state. The projection steps a day at a time:
/// pop(d+1) = pop(d) + entries + inflows − outflows, with a variance accumulated as for independent daily
/// multinomial moves and Poisson entries, giving a mean ± 2 s.d. band.
/// </summary>
public sealed class DemandModel
{
    private static readonly int[] BandStarts = [0, 1, 5, 10, 16];
    internal const int Bands = 5;
    internal static readonly int Categories = PlacementCategories.All.Count;
    internal static readonly int States = Bands * Categories;

    private DemandModel(double[,] rates, double[] exits, double[] entries, double[] start, DateOnly startDate)
    {
        MoveRates = rates;
        ExitRates = exits;
        EntryRates = entries;
        StartPopulation = start;
        StartDate = startDate;
    }

    /// <summary>Daily rate of moving from state i to state j.</summary>
    internal double[,] MoveRates { get; }

    /// <summary>Daily rate of leaving care from each state.</summary>
    internal double[] ExitRates { get; }

    /// <summary>Children entering each state per day.</summary>
    internal double[] EntryRates { get; }

    /// <summary>Children in each state on the start date.</summary>
    internal double[] StartPopulation { get; }

    /// <summary>The day the projection starts from (the end of the reference window).</summary>
    public DateOnly StartDate { get; }

    /// <summary>Children in care at the start.</summary>
    public double StartTotal => StartPopulation.Sum();

    internal static string StateName(int s) => $"{BandLabel(s / Categories)}/{PlacementCategories.All[s % Categories]}";

    private static string BandLabel(int band) => band switch { 0 => "0", 1 => "1-4", 2 => "5-9", 3 => "10-15", _ => "16+" };

    /// <summary>Fits the model on [<paramref name="from"/>, <paramref name="to"/>] (respite periods left out).</summary>
    public static DemandModel Fit(IEnumerable<ChildHistory> children, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (to <= from)
        {
            throw new ArgumentException("The reference window must end after it starts.", nameof(to));
        }

        var stockDays = new double[States];
        var moves = new double[States, States];
        var exits = new double[States];
        var entries = new double[States];
        var start = new double[States];
        var windowEnd = to.AddDays(1);
        foreach (var child in children)
        {
            if (child.DateOfBirth is not { } dob)
            {
                continue;
            }

            foreach (var period in child.Periods.Where(p => !p.IsRespite))
            {
                var segments = Segments(period, dob, windowEnd);
                for (var i = 0; i < segments.Count; i++)
                {
                    var (state, s, e) = segments[i];
                    var clippedStart = s < from ? from : s;
                    var clippedEnd = e > windowEnd ? windowEnd : e;
                    if (clippedEnd > clippedStart)
                    {
                        stockDays[state] += clippedEnd.DayNumber - clippedStart.DayNumber;
                    }

                    if (i == 0 && s >= from && s <= to)
                    {
                        entries[state]++;
                    }

                    if (e >= from && e <= to)
                    {
                        if (i + 1 < segments.Count)
                        {
                            moves[state, segments[i + 1].State]++;
                        }
                        else if (period.End is not null)
                        {
                            exits[state]++;
                        }
                    }

                    if (s <= to && e > to)
                    {
                        start[state]++;
                    }
                }
            }
        }

        var days = windowEnd.DayNumber - from.DayNumber;
        var rates = new double[States, States];
        var exitRates = new double[States];
        for (var i = 0; i < States; i++)
        {
            if (stockDays[i] <= 0)
            {
                continue;
            }

            for (var j = 0; j < States; j++)
            {
                rates[i, j] = moves[i, j] / stockDays[i];
            }

            exitRates[i] = exits[i] / stockDays[i];
        }

        return new DemandModel(rates, exitRates, entries.Select(e => e / days).ToArray(), start, to);
    }

    /// <summary>Projects <paramref name="years"/> years ahead (1–5) under each scenario, costed with <paramref name="costs"/>.</summary>
    public IReadOnlyList<ForecastValue> Project(int years, IEnumerable<ForecastScenario> scenarios, PlacementCosts? costs = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, 5);
        ArgumentNullException.ThrowIfNull(scenarios);
        costs = (costs ?? new PlacementCosts()).Validate();
        var result = new List<ForecastValue>();
        foreach (var scenario in scenarios)
        {
            var (moves, exits, entries) = Apply(scenario);
            var pop = (double[])StartPopulation.Clone();
            var variance = new double[States];
            var day = StartDate;
            for (var y = 1; y <= years; y++)
            {
                var target = StartDate.AddYears(y);
                decimal cost = 0;
                while (day < target)
                {
                    Step(pop, variance, moves, exits, entries);
                    day = day.AddDays(1);
                    for (var s = 0; s < States; s++)
                    {
                        cost += (decimal)pop[s] * costs.Weekly(PlacementCategories.All[s % Categories]) / 7m;
                    }
                }

                foreach (var category in PlacementCategories.All.Append("All"))
                {
                    var states = Enumerable.Range(0, States).Where(s => category == "All" || PlacementCategories.All[s % Categories] == category).ToList();
                    var mean = states.Sum(s => pop[s]);
                    var sd = Math.Sqrt(states.Sum(s => variance[s]));
                    var categoryCost = category == "All" ? cost : 0m;
                    result.Add(new ForecastValue(scenario.Name, y, target, category, Math.Round(mean, 1), Math.Round(Math.Max(0, mean - 2 * sd), 1),
                        Math.Round(mean + 2 * sd, 1), Math.Round(categoryCost, 0)));
                }
            }
        }

        return result;
    }

    private (double[,] Moves, double[] Exits, double[] Entries) Apply(ForecastScenario scenario)
    {
        var moves = new double[States, States];
        var exits = new double[States];
        var entries = EntryRates.Select(e => e * scenario.EntryMultiplier).ToArray();
        for (var i = 0; i < States; i++)
        {
            var total = 0.0;
            for (var j = 0; j < States; j++)
            {
                var sameCategory = i % Categories == j % Categories;
                var m = sameCategory ? 1 : scenario.Move(PlacementCategories.All[i % Categories], PlacementCategories.All[j % Categories]);
                moves[i, j] = Math.Max(0, MoveRates[i, j] * m);
                total += moves[i, j];
            }

            exits[i] = Math.Max(0, ExitRates[i] * scenario.ExitMultiplier);
            total += exits[i];
            if (total > 1)
            {
                for (var j = 0; j < States; j++)
                {
                    moves[i, j] /= total;
                }

                exits[i] /= total;
            }
        }

        return (moves, exits, entries);
    }

    internal static void Step(double[] pop, double[] variance, double[,] moves, double[] exits, double[] entries)
    {
        var next = new double[States];
        var nextVar = (double[])variance.Clone();
        for (var i = 0; i < States; i++)
        {
            var stay = pop[i];
            for (var j = 0; j < States; j++)
            {
                var flow = pop[i] * moves[i, j];
                next[j] += flow;
                stay -= flow;
                var v = pop[i] * moves[i, j] * (1 - moves[i, j]);
                nextVar[j] += v;
                nextVar[i] += v;
            }

            var exit = pop[i] * exits[i];
            stay -= exit;
            nextVar[i] += pop[i] * exits[i] * (1 - exits[i]);
            next[i] += stay + entries[i];
            nextVar[i] += entries[i];
        }

        Array.Copy(next, pop, States);
        Array.Copy(nextVar, variance, States);
    }

    // The period as consecutive (state, start, end) pieces: a new piece at each change of placement category or age band.
    private static List<(int State, DateOnly Start, DateOnly End)> Segments(PeriodOfCare period, DateOnly dob, DateOnly windowEnd)
    {
        var pieces = new List<(int, DateOnly, DateOnly)>();
        foreach (var e in period.Episodes)
        {
            var category = PlacementCategories.All.ToList().IndexOf(PlacementCategories.Of(e.Place));
            var s = e.Start;
            var end = e.End ?? windowEnd;
            while (s < end)
            {
                var band = Band(Model.Dates.AgeOn(dob, s));
                var bandEnd = band + 1 < Bands ? dob.AddYears(BandStarts[band + 1]) : DateOnly.MaxValue;
                var pieceEnd = bandEnd < end ? bandEnd : end;
                var state = band * Categories + category;
                if (pieces.Count > 0 && pieces[^1].Item1 == state && pieces[^1].Item3 == s)
                {
                    pieces[^1] = (state, pieces[^1].Item2, pieceEnd);
                }
                else
                {
                    pieces.Add((state, s, pieceEnd));
                }

                s = pieceEnd;
            }
        }

        return pieces;
    }

    private static int Band(int age)
    {
        for (var b = Bands - 1; b >= 0; b--)
        {
            if (age >= BandStarts[b])
            {
                return b;
            }
        }

        return 0;
    }
}
