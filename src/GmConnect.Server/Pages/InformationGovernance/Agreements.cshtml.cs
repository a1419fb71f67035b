using GmConnect.Governance.Administration;
using GmConnect.Governance.Agreements;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.InformationGovernance;

[Authorize(Policy = InformationGovernancePolicy.Name)]
public sealed class AgreementsModel(GovernanceAdministration governance) : PageModel
{
    public IReadOnlyList<SharingAgreement> Agreements { get; private set; } = [];

    public void OnGet() => Agreements = governance.Agreements;

    public static string TagClass(AgreementStatus status) => status switch
    {
        AgreementStatus.Signed => "govuk-tag--green",
        AgreementStatus.Suspended => "govuk-tag--red",
        AgreementStatus.Expired => "govuk-tag--grey",
        _ => "govuk-tag--yellow",
    };
}
