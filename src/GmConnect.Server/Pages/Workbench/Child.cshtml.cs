using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Derived;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>One child's timeline, by pseudonym, for an analyst of the child's own authority: episodes as a chart and a table, and missing periods. Anyone else: 404.</summary>
[Authorize]
public sealed class ChildModel(WorkbenchData data) : PageModel
{
    internal ChildHistory? Child { get; private set; }

    internal string Pseudonym { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string pseudonym, CancellationToken cancellationToken)
    {
        var viewer = WorkbenchViewer.Of(UserClaims.From(User));
        var dataset = await data.DatasetAsync(cancellationToken);
        if (viewer.Authority is not { } authority || dataset is null)
        {
            return NotFound();
        }

        Pseudonym = pseudonym;
        Child = dataset.ChildrenOf(authority).FirstOrDefault(c => string.Equals(data.Pseudonyms.For(c.Key), pseudonym, StringComparison.Ordinal));
        return Child is null ? NotFound() : Page();
    }
}
