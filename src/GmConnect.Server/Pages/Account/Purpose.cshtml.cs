using System.Security.Claims;
using GmConnect.Governance.Decisions;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Account;

/// <summary>
/// After signing in with an OpenID Connect issuer whose token carries no purpose of use, the practitioner states
/// it here; it goes into their session and every decision and audit entry from then on.
/// </summary>
[Authorize]
public sealed class PurposeModel : PageModel
{
    public IReadOnlyList<(string Code, string Label, string Hint)> Purposes => PurposeChoices.All;

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => Purpose = User.FindFirst(UserClaims.Purpose)?.Value;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PurposeCodes.TryParse(Purpose, out _))
        {
            Error = "Select your purpose";
            return Page();
        }

        var identity = new ClaimsIdentity(
            User.Claims.Where(c => c.Type != UserClaims.Purpose).Append(new Claim(UserClaims.Purpose, Purpose!)),
            CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Name, UserClaims.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
