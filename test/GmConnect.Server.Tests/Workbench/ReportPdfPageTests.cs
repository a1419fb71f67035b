using System.Net;
using GmConnect.Governance.Decisions;
using GmConnect.Server.Workbench;
using GmConnect.Storage;
using GmConnect.Workbench.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Server.Tests.Workbench;

/// <summary>A report's PDF on an exchange without Chromium: a page that says so and offers the HTML, not a 500.</summary>
public sealed class ReportPdfPageTests
{
    [Fact]
    public async Task GetPdf_NoChromium_Is503WithTheReasonAndTheHtmlInstead()
    {
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Workbench:SyntheticOnStartup"] = "true",
            ["Workbench:Scale"] = "0.05",
            ["Workbench:FirstEndYear"] = "2024",
            ["Workbench:Reports:ChromiumPath"] = "/nonexistent/chromium",
        });
        var client = exchange.CreateClientAs("demo-analyst-352", "dfe:352", "analyst", Purpose.SecondaryUse);
        var ct = TestContext.Current.CancellationToken;
        var data = (await exchange.Services.GetRequiredService<WorkbenchData>().DatasetAsync(ct))!;
        var report = (await exchange.Services.GetRequiredService<ReportLibrary>().CreateAsync(new ReportReader("demo-analyst-352", "dfe:352", "analyst"), "No printer", data.Version, ct)).Value!;

        var response = await client.GetAsync($"/workbench/reports/{report.Id}?handler=pdf", ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("PDF export needs Chromium", body, StringComparison.Ordinal);
        Assert.Contains($"/workbench/reports/{report.Id}?handler=html", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/workbench/reports/{report.Id}?handler=html", ct)).StatusCode);
    }
}
