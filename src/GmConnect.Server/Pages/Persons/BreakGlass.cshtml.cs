using GmConnect.Governance.Api;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// The break-glass journey: a warning, a coded justification, a required explanation and a time box, then
/// Governance's <see cref="BreakGlassService.OpenAsync"/> — which checks the role and purpose again, audits the
/// opening (success or refusal) as <c>BreakGlassOpened</c> and alerts the practitioner's IG contact. The page
/// decides nothing itself.
/// </summary>
[Authorize]
public sealed class BreakGlassModel(IIdentityManager identity, BreakGlassService breakGlass) : PageModel
{
    public static readonly IReadOnlyList<(BreakGlassJustification Code, string Label, string Hint)> Justifications =
    [
        (BreakGlassJustification.ImminentRiskToLife, "Risk to life or of serious harm", "It cannot wait for the usual sharing route"),
        (BreakGlassJustification.ChildAtRisk, "A child is at risk", "Suffering, or likely to suffer, significant harm"),
        (BreakGlassJustification.AdultAtRisk, "An adult at risk needs protection now", "Care Act 2014 safeguarding"),
        (BreakGlassJustification.ConsentGivenNotRecorded, "The person consented, but it is not recorded", "And the record of it cannot be reached in time"),
        (BreakGlassJustification.LegalRequirement, "A legal requirement", "A court order or statutory duty needs the information now"),
    ];

    public string PersonId { get; private set; } = "";

    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Hours { get; set; }

    public int MaxHours => Math.Max(1, (int)breakGlass.MaxDuration.TotalHours);

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string personId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(personId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Hours = Math.Clamp((int)breakGlass.DefaultDuration.TotalHours, 1, MaxHours);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string personId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(personId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var code = Justifications.Select(j => (BreakGlassJustification?)j.Code).FirstOrDefault(j => BreakGlassService.Code(j!.Value) == Justification);
        if (code is null)
        {
            Errors["justification"] = "Select why you need to break the glass";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors["reason"] = "Enter what is happening and why you need these records now";
        }
        else if (Reason.Trim().Length < BreakGlassService.MinimumReasonLength)
        {
            Errors["reason"] = $"The explanation must be at least {BreakGlassService.MinimumReasonLength} characters";
        }
        else if (Reason.Length > 2000)
        {
            Errors["reason"] = "The explanation must be 2,000 characters or fewer";
        }

        if (Hours is not { } hours || hours < 1 || hours > MaxHours)
        {
            Errors["hours"] = $"Select how long you need access, from 1 to {MaxHours} hours";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var request = GovernanceClaims.RequestOf(User, AccessAction.Read, HttpContext.TraceIdentifier)!;
        var result = await breakGlass.OpenAsync(request, PersonId, code!.Value, Reason!, TimeSpan.FromHours(Hours!.Value), cancellationToken);
        if (!result.Opened)
        {
            Errors["justification"] = "Break-glass was refused (" + result.Refusal + ")";
            return Page();
        }

        return Redirect("/persons/" + Uri.EscapeDataString(PersonId));
    }

    private async Task<IActionResult?> CheckAsync(string personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (GovernanceClaims.RequestOf(User, AccessAction.Read, HttpContext.TraceIdentifier) is not { } request || !breakGlass.MayBreakGlass(request))
        {
            return Forbid();
        }

        return await identity.GetPersonAsync(personId, cancellationToken) is { MergedInto: null } ? null : NotFound();
    }
}
