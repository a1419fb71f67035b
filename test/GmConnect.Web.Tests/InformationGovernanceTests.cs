using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>An information-governance officer reviews agreements, changes one's status, and finds the change in the audit trail.</summary>
public sealed class InformationGovernanceTests(WebFixture web)
{
    private const string IgOfficer = "Demo IG Officer (Manchester)";

    [Fact]
    public async Task Agreement_StatusChangedByIgOfficer_ShownAndAudited()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ig/agreements");
        await SignIn.AsAsync(page, IgOfficer, "Direct care");
        Assert.Equal("Sharing agreements – GM Connect", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var first = page.Locator("table tbody tr a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        Assert.Equal($"{title} – GM Connect", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("suspended", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();

        Assert.Contains("Status changed to suspended", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("suspended", (await page.GetByTestId("status").InnerTextAsync()).Trim());

        await page.GotoAsync("/ig/audit?practitioner=demo-ig-352");
        Assert.Equal("Audit trail – GM Connect", await page.TitleAsync());
        Assert.Contains("AgreementSaved", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Audit_BadDate_ErrorSummary()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ig/audit?from=28/11/2026");
        await SignIn.AsAsync(page, IgOfficer, "Direct care");

        Assert.Equal("Error: Audit trail – GM Connect", await page.TitleAsync());
        Assert.Contains("The start of the period must be a real date", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Audit_SocialWorker_AccessDenied()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ig/audit");
        await SignIn.AsAsync(page);

        Assert.Equal("You cannot see this page – GM Connect", await page.TitleAsync());
    }
}
