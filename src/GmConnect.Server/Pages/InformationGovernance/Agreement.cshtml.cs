using GmConnect.Governance.Administration;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Api;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.InformationGovernance;

/// <summary>One agreement in full, and its status changed by an IG officer (audited by Governance).</summary>
[Authorize(Policy = InformationGovernancePolicy.Name)]
public sealed class AgreementModel(GovernanceAdministration governance) : PageModel
{
    public SharingAgreement? Agreement { get; private set; }

    public IReadOnlyDictionary<string, string> OrganisationNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public string? Status { get; set; }

    [TempData]
    public string? Changed { get; set; }

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (!Enum.TryParse<AgreementStatus>(Status, ignoreCase: true, out var status))
        {
            Problems = ["Select the agreement's new status"];
            return Page();
        }

        var actor = GovernanceClaims.ActorOf(User, HttpContext.TraceIdentifier)!;
        var result = await governance.SaveAgreementAsync(actor, Agreement! with { Status = status }, cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems.Count > 0 ? result.Problems : [result.Status.ToString()];
            return Page();
        }

        Changed = $"Status changed to {status.ToString().ToLowerInvariant()}";
        return Redirect($"/ig/agreements/{id}");
    }

    private bool Load(string id)
    {
        Agreement = governance.Agreements.FirstOrDefault(a => a.Id == id);
        OrganisationNames = governance.Organisations.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        Status ??= Agreement?.Status.ToString().ToLowerInvariant();
        return Agreement is not null;
    }
}
