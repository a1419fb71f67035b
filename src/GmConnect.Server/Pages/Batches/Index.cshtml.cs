using GmConnect.Integration.Batches;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Batches;

public sealed class IndexModel(ImportHistory history) : PageModel
{
    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Batches = await history.ListAsync(200, cancellationToken);
}
