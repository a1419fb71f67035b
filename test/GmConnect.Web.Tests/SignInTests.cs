using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>A practitioner signs in on the embedded default by choosing who they are and their purpose.</summary>
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task SignIn_PractitionerAndPurpose_ShownOnEveryPageUntilSignOut()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await SignIn.AsAsync(page);

        var banner = await page.GetByTestId("signed-in").InnerTextAsync();
        Assert.Contains(SignIn.SocialWorker, banner, StringComparison.Ordinal);
        Assert.Contains("safeguarding", banner, StringComparison.Ordinal);
        await page.GotoAsync("/imports");
        Assert.Contains(SignIn.SocialWorker, await page.GetByTestId("signed-in").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal(0, await page.GetByTestId("signed-in").CountAsync());
    }

    [Fact]
    public async Task SignIn_NothingChosen_ErrorSummaryNamesBothQuestions()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("Error: Sign in – GM Connect", await page.TitleAsync());
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select who you are", summary, StringComparison.Ordinal);
        Assert.Contains("Select your purpose", summary, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ProtectedPage_Anonymous_SignsInThenReturnsThere()
    {
        var page = await web.NewPageAsync();

        await page.GotoAsync("/imports/upload");
        Assert.Equal("Sign in – GM Connect", await page.TitleAsync());
        await SignIn.AsAsync(page);

        Assert.Equal("Import a person-records file – GM Connect", await page.TitleAsync());
    }
}
