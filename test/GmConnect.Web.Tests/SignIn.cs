using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>The demo sign-in journey, shared by tests that act as a practitioner.</summary>
internal static class SignIn
{
    public const string SocialWorker = "Demo Social Worker (Manchester)";

    /// <summary>Signs in from wherever the page is, as a demo practitioner, for a purpose.</summary>
    public static async Task AsAsync(IPage page, string practitioner = SocialWorker, string purpose = "Safeguarding")
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/sign-in");
        }

        await page.GetByLabel(practitioner, new() { Exact = true }).First.CheckAsync();
        await page.GetByLabel(purpose, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
