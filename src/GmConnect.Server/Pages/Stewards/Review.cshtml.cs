using System.Globalization;
using GmConnect.Governance.Audit;
using GmConnect.Identity.Manager;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Stewards;

/// <summary>
/// One review task: the two records side by side, the match-weight waterfall (chart and table), and the
/// decision — the same person (link) or not (keep apart for good) — with the steward's reason.
/// </summary>
[Authorize(Policy = DataStewardPolicy.Name)]
public sealed class ReviewModel(IIdentityManager identity, AuditTrail audit) : PageModel
{
    public ReviewTask? Task { get; private set; }

    public Waterfall? Waterfall { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ReviewDecision? decision = Decision switch
        {
            "same" => ReviewDecision.SamePerson,
            "different" => ReviewDecision.NotSamePerson,
            _ => null,
        };
        if (decision is null)
        {
            Errors["decision"] = "Select whether these records are the same person";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors["reason"] = "Enter the reason for your decision";
        }
        else if (Reason.Length > 1000)
        {
            Errors["reason"] = "The reason must be 1,000 characters or fewer";
        }

        if (Errors.Count > 0 || Task!.Status != ReviewStatus.Open)
        {
            return Page();
        }

        var steward = UserClaims.From(User)!;
        try
        {
            await identity.DecideReviewAsync(id, decision!.Value, new StewardAction(steward.PractitionerId, Reason!.Trim()), cancellationToken);
        }
        catch (IdentityException e)
        {
            Errors["decision"] = e.Message;
            return Page();
        }

        await StewardAudit.ChangedAsync(audit, HttpContext, [Task.Record.PersonId, Task.Candidate.PersonId],
            string.Create(CultureInfo.InvariantCulture, $"review-decided:{id}:{Decision}"), cancellationToken);
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/steward/reviews?decided={id}&outcome={Decision}"));
    }

    /// <summary>The rows of the side-by-side comparison: field, new record's value, candidate's value.</summary>
    public IReadOnlyList<(string Field, string? Left, string? Right)> Rows()
    {
        var (a, b) = (Task!.Record, Task.Candidate);
        static string? Date(DateOnly? d) => d?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return
        [
            ("Source", a.Record.Source, b.Record.Source),
            ("Record ID", a.Record.RecordId, b.Record.RecordId),
            ("Person", a.PersonId, b.PersonId),
            ("Given name", a.Record.GivenName, b.Record.GivenName),
            ("Middle names", a.Record.MiddleNames, b.Record.MiddleNames),
            ("Family name", a.Record.FamilyName, b.Record.FamilyName),
            ("Sex", a.Record.Sex, b.Record.Sex),
            ("Date of birth", Date(a.Record.DateOfBirth), Date(b.Record.DateOfBirth)),
            ("Postcode", a.Record.Postcode, b.Record.Postcode),
            ("Address", a.Record.Address, b.Record.Address),
            ("NHS number", a.Record.NhsNumber, b.Record.NhsNumber),
            ("Unique pupil number", a.Record.Upn, b.Record.Upn),
            ("National Insurance number", a.Record.Nino, b.Record.Nino),
            ("Police National Computer ID", a.Record.PncId, b.Record.PncId),
            ("Recorded on", Date(a.Record.RecordedOn), Date(b.Record.RecordedOn)),
        ];
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Task = await identity.GetReviewTaskAsync(id, cancellationToken);
        if (Task is null)
        {
            return false;
        }

        Waterfall = Waterfall.Parse(Task.ExplanationJson);
        await StewardAudit.ReadAsync(audit, HttpContext, [Task.Record.PersonId, Task.Candidate.PersonId],
            string.Create(CultureInfo.InvariantCulture, $"review-task:{id}"), cancellationToken);
        return true;
    }
}
