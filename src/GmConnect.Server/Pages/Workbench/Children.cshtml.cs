using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Derived;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// An authority analyst's own children, pseudonymised (no CHILD, no date of birth): those looked after at the latest
/// 31 March, a page at a time, each linking to their timeline. Nobody else sees this page's contents.
/// </summary>
[Authorize]
public sealed class ChildrenModel(WorkbenchData data) : PageModel
{
    public const int PageSize = 50;

    internal WorkbenchViewer Viewer { get; private set; } = new(null);

    internal IReadOnlyList<(string Pseudonym, ChildHistory Child)> Children { get; private set; } = [];

    internal int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    internal DateOnly AsAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Viewer = WorkbenchViewer.Of(UserClaims.From(User));
        var dataset = await data.DatasetAsync(cancellationToken);
        if (Viewer.Authority is not { } authority || dataset is null)
        {
            return Page();
        }

        AsAt = dataset.Years[^1].End;
        var inCare = dataset.ChildrenOf(authority).Where(c => c.PeriodOn(AsAt)?.EpisodeOn(AsAt) is { IsRespite: false })
            .Select(c => (data.Pseudonyms.For(c.Key), c)).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        Total = inCare.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Children = inCare.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }
}
