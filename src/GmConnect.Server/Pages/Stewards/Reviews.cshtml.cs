using GmConnect.Governance.Audit;
using GmConnect.Identity.Manager;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Stewards;

/// <summary>The review queue: uncertain pairs waiting for a data steward, oldest first.</summary>
[Authorize(Policy = DataStewardPolicy.Name)]
public sealed class ReviewsModel(IIdentityManager identity, AuditTrail audit) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<ReviewTask> Tasks { get; private set; } = [];

    /// <summary>The task just decided, for the confirmation banner.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Decided { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tasks = await identity.ListReviewTasksAsync(ReviewStatus.Open, Limit, cancellationToken);
        await StewardAudit.ReadAsync(audit, HttpContext, Tasks.SelectMany(t => new[] { t.Record.PersonId, t.Candidate.PersonId }),
            $"review-queue:{Tasks.Count}", cancellationToken);
    }
}
