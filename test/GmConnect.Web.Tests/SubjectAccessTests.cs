using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// An IG officer finds who looked at a person — in the audit trail by person, practitioner, organisation and
/// period, break-glass highlighted — and produces and downloads the person's subject access report.
/// </summary>
public sealed class SubjectAccessTests(WebFixture web)
{
    private const string IgOfficer = "Demo IG Officer (Manchester)";

    [Fact]
    public async Task SubjectAccess_PersonLookedAtUnderBreakGlass_ReportShowsWhoLookedAndDownloads()
    {
        var person = await SeedLooksAsync();
        var page = await web.NewPageAsync();
        await page.GotoAsync("/ig/subject-access");
        await SignIn.AsAsync(page, IgOfficer, "Direct care");
        Assert.Equal("Subject access report – GM Connect", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Produce report" }).ClickAsync();
        Assert.Equal("Error: Subject access report – GM Connect", await page.TitleAsync());
        Assert.Contains("Enter the person's ID", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Person ID").FillAsync(person);
        await page.GetByRole(AriaRole.Button, new() { Name = "Produce report" }).ClickAsync();

        Assert.Equal($"Subject access report for {person} – GM Connect", await page.TitleAsync());
        var looks = page.GetByTestId("accesses").Locator("tbody tr");
        Assert.Equal(3, await looks.CountAsync()); // two reads and the break-glass opening
        Assert.Equal(1, await page.GetByTestId("accesses").Locator("tr[data-break-glass=true]").CountAsync());
        Assert.Contains("Demo Police Officer", await page.GetByTestId("accesses").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("child-at-risk", await page.GetByTestId("break-glass-sessions").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        var markdown = await DownloadAsync(page, "download-markdown");
        Assert.EndsWith(".md", markdown.Name, StringComparison.Ordinal);
        Assert.StartsWith("# Subject access report", markdown.Text, StringComparison.Ordinal);
        Assert.Contains($"- Person: `{person}`", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("## Who looked (3)", markdown.Text, StringComparison.Ordinal);
        var html = await DownloadAsync(page, "download-html");
        Assert.EndsWith(".html", html.Name, StringComparison.Ordinal);
        Assert.Contains("<h2>Who looked (3)</h2>", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Text, StringComparison.Ordinal);

        // Producing the report (three times: on the page and two downloads) is in the audit trail.
        await page.GotoAsync($"/ig/audit?person={person}&practitioner=demo-ig-352");
        Assert.Equal(3, await page.Locator("table tbody tr", new() { HasText = "SubjectAccessReport" }).CountAsync());
    }

    [Fact]
    public async Task Audit_SearchByPersonPractitionerOrganisationAndPeriod_FindsTheLooksAndMarksBreakGlass()
    {
        var person = await SeedLooksAsync();
        var page = await web.NewPageAsync();
        await page.GotoAsync($"/ig/audit?person={person}");
        await SignIn.AsAsync(page, IgOfficer, "Direct care");

        // The officer's own searches are audited too (AuditSearched, naming the person): the looks are the rest.
        var rows = page.Locator("table tbody tr").Filter(new() { HasNotText = "AuditSearched" });
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal(1, await page.Locator("table tbody tr.gmc-break-glass").CountAsync());
        Assert.Contains("1 entry shown is break-glass", await page.GetByTestId("break-glass-count").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/ig/audit?person={person}&practitioner=demo-officer-06");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("demo-officer-06", await rows.First.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"/ig/audit?person={person}&organisation=dfe:352");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(1, await page.Locator("table tbody tr[data-break-glass=true]").CountAsync());

        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync($"/ig/audit?person={person}&from={today}&to={today}");
        Assert.Equal(3, await rows.CountAsync());
        await page.GotoAsync($"/ig/audit?person={person}&from=2020-01-01&to=2020-12-31");
        Assert.Equal(0, await rows.CountAsync());
        Assert.StartsWith("0 entries", await page.GetByTestId("result-count").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"/ig/audit?from=2026-02-01&to=2026-01-01");
        Assert.Contains("The end of the period must be the same as or after the start", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>
    /// A fresh person looked at three times, as the Locator will do it: the Manchester social worker opens
    /// break-glass (child at risk) and reads; the police officer reads. Returns the person's id.
    /// </summary>
    private async Task<string> SeedLooksAsync()
    {
        var person = "web-sar-" + Guid.NewGuid().ToString("N")[..8];
        var services = web.Services;
        var gate = services.GetRequiredService<AccessGate>();
        var breakGlass = services.GetRequiredService<BreakGlassService>();
        var socialWorker = new AccessRequest("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, AccessAction.Read);
        var opened = await breakGlass.OpenAsync(socialWorker, person, BreakGlassJustification.ChildAtRisk, "Child reported missing tonight; need the police record now");
        Assert.True(opened.Opened, opened.Refusal);
        await gate.DecideAsync(socialWorker, new GovernedResource("rec-police-1", person, "police:06", "police-incident"));
        await gate.DecideAsync(
            new AccessRequest("demo-officer-06", "police:06", "police-officer", Purpose.CrimePrevention, AccessAction.Read),
            new GovernedResource("rec-police-1", person, "police:06", "police-incident"));
        return person;
    }

    private static async Task<(string Name, string Text)> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path!));
    }
}
