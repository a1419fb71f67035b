using GmConnect.Governance.Administration;
using GmConnect.Governance.Decisions;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Account;

/// <summary>
/// The embedded default's sign-in: choose a demo practitioner (and the organisation and role they
/// act in) and state a purpose. With an OpenID Connect issuer configured (<see cref="OidcOptions"/>) this page only
/// sends the browser to the issuer.
/// </summary>
public sealed class SignInModel(GovernanceAdministration governance, OidcOptions oidc) : PageModel
{
    public IReadOnlyList<Choice> People { get; private set; } = [];

    public IReadOnlyList<(string Code, string Label, string Hint)> Purposes => PurposeChoices.All;

    [BindProperty]
    public string? Person { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public IActionResult OnGet()
    {
        if (oidc.Enabled)
        {
            return ChallengeIssuer();
        }

        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // With an issuer configured there is no choosing who you are.
        if (oidc.Enabled)
        {
            return ChallengeIssuer();
        }

        Load();
        var choice = People.FirstOrDefault(p => p.Value == Person);
        if (choice is null)
        {
            Errors["person"] = "Select who you are";
        }

        if (!PurposeCodes.TryParse(Purpose, out _))
        {
            Errors["purpose"] = "Select your purpose";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var user = new SignedInUser(choice!.PractitionerId, choice.Name, choice.OrganisationId, choice.Role, Purpose!);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new System.Security.Claims.ClaimsPrincipal(UserClaims.ToIdentity(user, CookieAuthenticationDefaults.AuthenticationScheme)));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private ChallengeResult ChallengeIssuer() =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, OpenIdConnectDefaults.AuthenticationScheme);

    private void Load()
    {
        var organisations = governance.Organisations.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        People = governance.Practitioners
            .Where(p => p.Active)
            .SelectMany(p => p.Roles.Select(r => new Choice(
                p.Id + "|" + r.OrganisationId + "|" + r.Role,
                p.Id,
                p.Name,
                r.OrganisationId,
                organisations.GetValueOrDefault(r.OrganisationId, r.OrganisationId),
                r.Role)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.OrganisationName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One practitioner acting in one role for one organisation.</summary>
    public sealed record Choice(string Value, string PractitionerId, string Name, string OrganisationId, string OrganisationName, string Role);
}
