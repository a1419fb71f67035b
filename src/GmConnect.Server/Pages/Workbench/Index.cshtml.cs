using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// The Workbench's dashboard: the headline measures for all ten authorities over every year loaded, as small
/// multiples and a comparison with GM, under the same filters as the explorer; and the way into everything else.
/// </summary>
[Authorize]
public sealed class IndexModel(WorkbenchData data) : WorkbenchQueryPageModel(data)
{
    /// <summary>The measures the dashboard draws, and the view of each.</summary>
    internal static readonly (string Measure, string View)[] Headlines =
    [
        ("cla_rate_per_10000", "compare"), ("cla_rate_per_10000", "multiples"), ("cla_31_march", "multiples"), ("started", "multiples"), ("ceased", "multiples"),
    ];

    internal IReadOnlyList<MeasureValue> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadQueryAsync(cancellationToken) is not var (dataset, query))
        {
            return;
        }

        Figures = dataset.Measures(query.Filter, Viewer.Authority);
    }
}
