using System.Text.RegularExpressions;
using GmConnect.Governance.Api;
using GmConnect.Governance.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// A practitioner finds a person and sees the records that exist about them and who is involved, decided by
/// Governance, with plain lines for what was withheld; opens a record's content; and, in an emergency, breaks the
/// glass. An IG officer then finds the break-glass in the audit trail.
/// </summary>
public sealed partial class PersonRecordsTests(WebFixture browser, RecordsFixture web) : IClassFixture<RecordsFixture>
{
    [Fact]
    public async Task PersonPage_Safeguarding_ShowsRecordsInvolvementsAndWhatWasWithheldByOrganisation()
    {
        var (personId, nhs) = await LocatorPeople.ChildWithRecordsAsync(web, "Ezra", "Quarmby");
        var page = await browser.NewPageAsync(baseUrl: web.BaseUrl);
        await page.GotoAsync("/persons");
        await SignIn.AsAsync(page, SignIn.SocialWorker, "Safeguarding");
        await page.GetByLabel("Kind of identifier").SelectOptionAsync(new SelectOptionValue { Label = "NHS number" });
        await page.GetByLabel("Identifier", new() { Exact = true }).FillAsync(nhs);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search by identifier" }).ClickAsync();
        await page.GetByTestId("results").Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();

        Assert.Equal("Ezra Quarmby – GM Connect", await page.TitleAsync());
        var records = page.GetByTestId("records").Locator("tbody tr");
        Assert.Equal(4, await records.CountAsync());
        var table = await page.GetByTestId("records").InnerTextAsync();
        Assert.Contains("Manchester Council", table, StringComparison.Ordinal);
        Assert.Contains("Salford Council", table, StringComparison.Ordinal);
        Assert.Contains("Greater Manchester Police", table, StringComparison.Ordinal); // party to the safeguarding agreement
        Assert.DoesNotContain("Youth justice", table, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            "1 record withheld: no sharing agreement with Salford Council for this purpose",
            (await page.GetByTestId("records-withheld").InnerTextAsync()).Trim());
        var involved = await page.GetByTestId("involvements").InnerTextAsync();
        Assert.Equal(2, await page.GetByTestId("involvements").Locator("tbody tr").CountAsync());
        Assert.Contains("Children's services, South", involved, StringComparison.Ordinal);
        Assert.Contains("Now", involved, StringComparison.Ordinal);
        Assert.Contains("Early help, South", involved, StringComparison.Ordinal);
        Assert.Contains("Before", involved, StringComparison.Ordinal);
        Assert.Contains("1 involvement withheld: no sharing agreement with Manchester University NHS Foundation Trust for this purpose",
            await page.GetByTestId("involvements-withheld").InnerTextAsync(), StringComparison.Ordinal);
        // What was withheld lacks an agreement, which break-glass never replaces: no button.
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Break glass" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByTestId("records").GetByRole(AriaRole.Row).Filter(new() { HasText = "Manchester Council" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("Child protection plan – GM Connect", await page.TitleAsync());
        Assert.Contains("Synthetic demo content", await page.GetByTestId("content").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        var recordUrl = page.Url;

        await page.GotoAsync($"/persons/{personId}");
        await page.GetByTestId("records").GetByRole(AriaRole.Row).Filter(new() { HasText = "Salford Council" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("Salford Council's own system", await page.GetByTestId("content-elsewhere").InnerTextAsync(), StringComparison.Ordinal);

        // Every look was audited: the searches of pointers and involvements, the pointer read, the content served.
        await SignIn.AsAsync(page, "Demo IG Officer (Manchester)", "Direct care");
        await page.GotoAsync($"/ig/audit?person={personId}&practitioner=demo-sw-352");
        var audit = await page.Locator("table tbody").InnerTextAsync();
        Assert.Contains("Search", audit, StringComparison.Ordinal);
        Assert.Contains("Read", audit, StringComparison.Ordinal);
        Assert.Contains("(1 withheld)", audit, StringComparison.Ordinal);
        _ = recordUrl;
    }

    [Fact]
    public async Task BreakGlass_DirectCareRestrictedRecord_WarnsRequiresJustificationThenShowsRecordsWithBannerAndIsAudited()
    {
        var (personId, _) = await LocatorPeople.ChildWithRecordsAsync(web, "Tobias", "Wolstenholme");
        var page = await browser.NewPageAsync(baseUrl: web.BaseUrl);
        await page.GotoAsync($"/persons/{personId}");
        await SignIn.AsAsync(page, SignIn.SocialWorker, "Direct care");

        var withheld = await page.GetByTestId("records-withheld").InnerTextAsync();
        Assert.Contains("1 record withheld: held by Salford Council; restricted", withheld, StringComparison.Ordinal);
        Assert.Contains("2 records withheld: no sharing agreement with Greater Manchester Police for this purpose", withheld, StringComparison.Ordinal);
        Assert.Contains("1 record withheld: no sharing agreement with Salford Council for this purpose", withheld, StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("records").Locator("tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByTestId("break-glass-banner").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Break glass" }).ClickAsync();
        Assert.Equal("Break glass – GM Connect", await page.TitleAsync());
        Assert.Contains("Only in an emergency", await page.Locator(".govuk-warning-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("4 hours").IsCheckedAsync()); // the configured default
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Break glass and see the records" }).ClickAsync();
        Assert.Equal("Error: Break glass – GM Connect", await page.TitleAsync());
        var errors = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select why you need to break the glass", errors, StringComparison.Ordinal);
        Assert.Contains("Enter what is happening", errors, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("A child is at risk").CheckAsync();
        await page.GetByLabel("What is happening?").FillAsync("Disclosure at clinic today; need the Salford plan before discharge");
        await page.GetByLabel("2 hours").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Break glass and see the records" }).ClickAsync();

        Assert.Equal("Tobias Wolstenholme – GM Connect", await page.TitleAsync());
        var banner = await page.GetByTestId("break-glass-banner").InnerTextAsync();
        var until = BannerTime().Match(banner);
        Assert.True(until.Success, banner);
        var expected = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var shown = TimeOnly.ParseExact(until.Groups[1].Value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs((shown - TimeOnly.FromDateTime(expected.DateTime)).TotalMinutes) is < 2 or > 1438, $"banner says {shown}, expected about {expected:HH:mm}");
        var records = await page.GetByTestId("records").InnerTextAsync();
        Assert.Contains("Salford Council", records, StringComparison.Ordinal);
        Assert.Contains("Break-glass", records, StringComparison.Ordinal);
        // Break-glass never replaces a sharing agreement: the police records and the youth justice order stay withheld.
        Assert.Equal(
            ["2 records withheld: no sharing agreement with Greater Manchester Police for this purpose", "1 record withheld: no sharing agreement with Salford Council for this purpose"],
            (await page.GetByTestId("records-withheld").Locator("li").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(2, await page.GetByTestId("records").Locator("tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await SignIn.AsAsync(page, "Demo IG Officer (Manchester)", "Direct care");
        await page.GotoAsync($"/ig/audit?person={personId}");
        Assert.Contains("break-glass", await page.GetByTestId("break-glass-count").InnerTextAsync(), StringComparison.Ordinal);
        var opened = page.Locator("tr[data-break-glass=true]").Filter(new() { HasText = "BreakGlassOpened" });
        Assert.Equal(1, await opened.CountAsync());
        Assert.Contains("demo-sw-352", await opened.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("tr[data-break-glass=true]").Filter(new() { HasText = "Search" }).CountAsync() >= 1); // the look under it
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task BreakGlass_PoliceOfficerRole_NotOffered()
    {
        var (personId, _) = await LocatorPeople.ChildWithRecordsAsync(web, "Niamh", "Ollerenshaw");
        var page = await browser.NewPageAsync(baseUrl: web.BaseUrl);
        await page.GotoAsync($"/persons/{personId}/break-glass");
        await SignIn.AsAsync(page, "Demo Police Officer", "Safeguarding");

        Assert.Equal("You cannot see this page – GM Connect", await page.TitleAsync());
    }

    [Theory]
    [InlineData("person")]
    [InlineData("record")]
    [InlineData("content")]
    [InlineData("break-glass")]
    public async Task NewPages_At320Pixels_ReflowWithoutSidewaysScrollingOrViolations(string which)
    {
        var (given, family) = which switch
        {
            "person" => ("Rowan", "Pilkington"), "record" => ("Ines", "Ramsbottom"), "content" => ("Aled", "Sowerbutts"), _ => ("Maeve", "Thistlethwaite"),
        };
        var (personId, _) = await LocatorPeople.ChildWithRecordsAsync(web, given, family);
        var page = await browser.NewPageAsync(width: 320, baseUrl: web.BaseUrl);
        await page.GotoAsync($"/persons/{personId}");
        await SignIn.AsAsync(page, SignIn.SocialWorker, "Safeguarding");
        if (which == "record")
        {
            await page.GetByTestId("records").Locator("tbody tr a").First.ClickAsync(); // a police record: content elsewhere
            await page.GetByTestId("content-elsewhere").WaitForAsync();
        }
        else if (which == "content")
        {
            await page.GetByTestId("records").GetByRole(AriaRole.Row).Filter(new() { HasText = "Manchester Council" }).GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByTestId("content").WaitForAsync();
        }
        else if (which == "break-glass")
        {
            await page.GotoAsync($"/persons/{personId}/break-glass");
            Assert.Equal("Break glass – GM Connect", await page.TitleAsync());
        }

        Assert.False(await Accessibility.ScrollsSidewaysAsync(page), $"{which} scrolls sideways at 320 px");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public void PersonPages_EveryOne_DeclaresItsAuditEvent()
    {
        if (browser.Unavailable is { } reason)
        {
            Assert.Skip(reason); // the exchange starts only with the browser
        }

        var pages = web.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("persons", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(4, pages.Count); // find, person, record, break-glass
        Assert.All(pages, e => Assert.NotNull(e.Metadata.GetMetadata<AuditedEndpoint>()));
        Assert.Equal(AuditEventType.BreakGlassOpened,
            pages.Single(e => e.RoutePattern.RawText!.EndsWith("break-glass", StringComparison.Ordinal)).Metadata.GetMetadata<AuditedEndpoint>()!.EventType);
    }

    [Fact]
    public async Task Screenshot_PersonWithRecords_IsAPng()
    {
        var (personId, _) = await LocatorPeople.ChildWithRecordsAsync(web, "Saoirse", "Tyldesley");
        var page = await browser.NewPageAsync(width: 1024, baseUrl: web.BaseUrl);
        await page.GotoAsync($"/persons/{personId}");
        await SignIn.AsAsync(page, SignIn.SocialWorker, "Safeguarding");
        await page.GetByTestId("records").WaitForAsync();

        await ScreenshotTests.SaveAsync(await page.ScreenshotAsync(new() { FullPage = true }), "person-records.png");
    }

    [GeneratedRegex(@"Break-glass access until (\d\d:\d\d)")]
    private static partial Regex BannerTime();
}
