using System.Collections.Concurrent;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Forecast;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Stories;

namespace GmConnect.Workbench.Explore;

/// <summary>
/// One version of the returns the explorer reads, with everything computed from them cached in memory: the derived
/// model once, the measures and the drifters story once per set of children a filter selects, a forecast model once
/// per area and reference window. Figures are cached unsuppressed and suppressed per viewer on the way out, which is
/// cheap; a new data version is a new dataset, so nothing cached can outlive the data it came from.
/// Safe to share between threads.
/// </summary>
public sealed class ExploreDataset
{
    // Filters beyond this many distinct sets of children push the oldest out (each set costs about a second of CPU and
    // a few MB); the unfiltered figures are never evicted.
    private const int MaxFilteredSets = 32;

    private readonly Lazy<Ssda903History> _history;
    private readonly ConcurrentDictionary<string, Lazy<Computed>> _computed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<(string Area, int ReferenceYears), Lazy<DemandModel?>> _models = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _categories = new(StringComparer.Ordinal);

    /// <summary>A dataset over <paramref name="returns"/>; <paramref name="version"/> names the data (shown on every page and kept in every export).</summary>
    public ExploreDataset(IReadOnlyList<Ssda903Return> returns, string version)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Returns = returns;
        _history = new Lazy<Ssda903History>(() => Ssda903History.Build(returns), LazyThreadSafetyMode.ExecutionAndPublication);
        Authorities = returns.Select(r => r.Authority).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Years = returns.Select(r => r.Year).Distinct().Order().ToList();
    }

    /// <summary>What the data are, e.g. <c>synthetic-903-s1-2015-2025</c>.</summary>
    public string Version { get; }

    /// <summary>The returns the figures come from.</summary>
    public IReadOnlyList<Ssda903Return> Returns { get; }

    /// <summary>The authorities with at least one return, in order.</summary>
    public IReadOnlyList<string> Authorities { get; }

    /// <summary>The collection years with at least one return, in order.</summary>
    public IReadOnlyList<CollectionYear> Years { get; }

    /// <summary>The derived model (built on first use).</summary>
    public Ssda903History History => _history.Value;

    /// <summary>Builds the model and the unfiltered figures now, so that the first visitor does not wait for them.</summary>
    public void Warm()
    {
        _ = Compute(ExploreFilter.None);
    }

    /// <summary>
    /// Every figure for the children <paramref name="filter"/> selects, narrowed to its categories and suppressed for
    /// <paramref name="viewer"/> (an authority sees its own figures whole; null: every area's small numbers withheld).
    /// </summary>
    public IReadOnlyList<MeasureValue> Measures(ExploreFilter filter, string? viewer)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Suppression.Apply(Compute(filter).Measures.Where(filter.Categories), viewer);
    }

    /// <summary>The categories a breakdown measure has anywhere in the unfiltered figures, in order (the choices a filter offers).</summary>
    public IReadOnlyList<string> Categories(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return _categories.GetOrAdd(measure, m => Compute(ExploreFilter.None).Measures.Where(v => v.Measure == m)
            .Select(v => v.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The drifters story for the children <paramref name="filter"/> selects (counts suppressed as measures are).</summary>
    public IReadOnlyList<DriftersRow> Drifters(ExploreFilter filter, string? viewer)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Compute(filter).Drifters.Select(d => DriftersSuppression.Apply(d, viewer)).ToList();
    }

    /// <summary>
    /// The demand model fitted on the last <paramref name="referenceYears"/> years for an authority or GM, or null
    /// when nobody was looked after there in that window.
    /// </summary>
    public DemandModel? Model(string area, int referenceYears)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceYears, 1);
        return _models.GetOrAdd((area, referenceYears), key => new Lazy<DemandModel?>(() =>
        {
            var children = History.Children.Where(c => key.Area == Ssda903Measures.GreaterManchester || c.Key.Authority == key.Area).ToList();
            if (children.Count == 0 || Years.Count == 0)
            {
                return null;
            }

            var to = Years[^1].End;
            return DemandModel.Fit(children, to.AddYears(-key.ReferenceYears).AddDays(1), to);
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The children of one authority, in the order of the derived model.</summary>
    public IReadOnlyList<ChildHistory> ChildrenOf(string authority) =>
        History.Children.Where(c => string.Equals(c.Key.Authority, authority, StringComparison.Ordinal)).ToList();

    private Computed Compute(ExploreFilter filter)
    {
        var key = filter.ChildrenKey;
        var added = false;
        var lazy = _computed.GetOrAdd(key, _ =>
        {
            added = true;
            return new Lazy<Computed>(() =>
            {
                var history = filter.NarrowsChildren ? History.Where(filter.Matches) : History;
                return new Computed(Ssda903Measures.Compute(history), DriftersStory.Run(history));
            }, LazyThreadSafetyMode.ExecutionAndPublication);
        });
        if (added && filter.NarrowsChildren)
        {
            _order.Enqueue(key);
            while (_order.Count > MaxFilteredSets && _order.TryDequeue(out var oldest))
            {
                _computed.TryRemove(oldest, out _);
            }
        }

        return lazy.Value;
    }

    private sealed record Computed(IReadOnlyList<MeasureValue> Measures, IReadOnlyList<DriftersResult> Drifters);
}
