using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// A Workbench page over the returns loaded now, filtered by the explorer's query string (so the address shares the
/// view), for one viewer: the dashboard, the explorer and the drifters story.
/// </summary>
public abstract class WorkbenchQueryPageModel(WorkbenchData data) : PageModel
{
    internal ExploreDataset? Dataset { get; private set; }

    internal ExploreQuery? Query { get; private set; }

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    /// <summary>Who is looking, the data set and the query; null when no returns are loaded.</summary>
    private protected async Task<(ExploreDataset Dataset, ExploreQuery Query)?> LoadQueryAsync(CancellationToken cancellationToken)
    {
        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        Dataset = await data.DatasetAsync(cancellationToken);
        if (Dataset is null)
        {
            return null;
        }

        Query = ExploreQuery.Parse(Request.Query, Dataset);
        return (Dataset, Query);
    }
}
