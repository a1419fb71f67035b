using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>An analyst imports a file in the browser and reads what was set aside, and why.</summary>
public sealed class ImportJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Upload_FileWithABadRow_ShowsCountsAndTheRowError()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/imports");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import a person-records file" }).ClickAsync();
        await SignIn.AsAsync(page);
        Assert.Equal("Import a person-records file – GM Connect", await page.TitleAsync());

        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload
        {
            Name = "housing-extract.csv",
            MimeType = "text/csv",
            Buffer = "source,record_id,given_name,sex,date_of_birth\nhousing:la:354,H1,Ann,F,1990-02-01\nhousing:la:354,H2,Bob,X,1990-02-31\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();

        Assert.Equal("housing-extract.csv – GM Connect", await page.TitleAsync());
        Assert.StartsWith("1 ", await page.GetByTestId("accepted").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.GetByTestId("rejected").InnerTextAsync());
        var rows = page.Locator("table tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("sex must be M, F, U or blank", await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("date_of_birth", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Upload_NoFileChosen_ShowsTheErrorSummary()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/imports/upload");
        await SignIn.AsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();

        Assert.Equal("Error: Import a person-records file – GM Connect", await page.TitleAsync());
        Assert.Contains("Select a person-records CSV file", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
