namespace GmConnect.Web.Tests;

/// <summary>The pages behind sign-in, at 320 px: no sideways scrolling (WCAG 1.4.10) and no accessibility violations.</summary>
public sealed class SignedInPageTests(WebFixture web)
{
    [Theory]
    [InlineData("/persons?by=demographics&familyName=Ashworth-1&givenName=Bilal", SignIn.SocialWorker, "Safeguarding", "Find a person – GM Connect")]
    [InlineData("/steward/reviews", StewardTests.Steward, "Direct care", "Review queue – GM Connect")]
    [InlineData("/ig/subject-access?person=nobody-in-particular", "Demo IG Officer (Manchester)", "Direct care", "Subject access report for nobody-in-particular – GM Connect")]
    [InlineData("/ig/audit", "Demo IG Officer (Manchester)", "Direct care", "Audit trail – GM Connect")]
    public async Task Page_At320Pixels_ReflowsWithoutSidewaysScrolling(string path, string who, string purpose, string title)
    {
        var page = await web.NewPageAsync(width: 320);
        await page.GotoAsync(path);
        await SignIn.AsAsync(page, who, purpose);

        Assert.Equal(title, await page.TitleAsync());
        Assert.False(await Accessibility.ScrollsSidewaysAsync(page), $"{path} scrolls sideways at 320 px");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
