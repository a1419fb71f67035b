using GmConnect.Integration.Batches;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages;

public sealed class IndexModel(ImportHistory history) : PageModel
{
    public long RecordCount { get; private set; }

    public int BatchCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RecordCount = await history.PersonRecordCountAsync(cancellationToken);
        BatchCount = (await history.ListAsync(10_000, cancellationToken)).Count;
    }
}
