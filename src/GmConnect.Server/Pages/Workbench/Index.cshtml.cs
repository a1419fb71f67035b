using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// The Workbench's dashboard: the headline measures for all ten authorities over every year loaded, as small
/// multiples and a comparison with GM, under the same filters as the explorer; and the way into everything else.
/// </summary>
[Authorize]
public sealed class IndexModel(WorkbenchData data) : PageModel
{
    /// <summary>The measures the dashboard draws, and the view of each.</summary>
    internal static readonly (string Measure, string View)[] Headlines =
    [
        ("cla_rate_per_10000", "compare"), ("cla_rate_per_10000", "multiples"), ("cla_31_march", "multiples"), ("started", "multiples"), ("ceased", "multiples"),
    ];

    internal ExploreDataset? Dataset { get; private set; }

    internal ExploreQuery? Query { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    internal IReadOnlyList<MeasureValue> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        Dataset = await data.DatasetAsync(cancellationToken);
        if (Dataset is null)
        {
            return;
        }

        Query = ExploreQuery.Parse(Request.Query, Dataset);
        Figures = Dataset.Measures(Query.Filter, Viewer.Authority);
    }
}
