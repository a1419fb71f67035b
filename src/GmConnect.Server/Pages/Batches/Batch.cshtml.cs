using GmConnect.Integration.Batches;
using GmConnect.Integration.PersonRecords;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Batches;

public sealed class BatchModel(ImportHistory history) : PageModel
{
    public const int MaxErrors = 1_000;

    public ImportBatch? Batch { get; private set; }

    public IReadOnlyList<RowError> Errors { get; private set; } = [];

    public bool Truncated { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Batch = await history.FindAsync(id, cancellationToken);
        if (Batch is null)
        {
            return NotFound();
        }

        var errors = (await history.RejectedRowsAsync(id, cancellationToken)).SelectMany(r => r.Errors).ToList();
        Truncated = errors.Count > MaxErrors;
        Errors = errors.Take(MaxErrors).ToList();
        return Page();
    }
}
