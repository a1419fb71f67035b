using System.Text.RegularExpressions;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace GmConnect.Web.Tests;

/// <summary>
/// Reports and narratives in the browser, on the synthetic returns: an analyst builds a report from two explorer charts
/// with different filters and a Markdown block, reorders it, saves two versions, reads the older one, shares it with a
/// named colleague (whom it reaches, and nobody else), and exports it as a self-contained HTML file and as a PDF.
/// </summary>
public sealed partial class WorkbenchReportTests(WebFixture web)
{
    private const string Analyst = "Demo Analyst (Manchester)";
    private const string SecondaryUse = "Secondary use";
    private const string Colleague = "Demo Social Worker (Manchester)";
    private const string Stranger = "Demo Social Worker (Salford)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> DataVersionAsync() =>
        (await web.Services.GetRequiredService<WorkbenchData>().DatasetAsync(Ct))!.Version;

    [Fact]
    public async Task Report_TwoChartsAndText_ReorderedSavedTwiceSharedAndExported()
    {
        var title = "Bolton and Wigan briefing " + Guid.NewGuid().ToString("N")[..6];
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/reports");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);
        await Accessibility.AssertNoViolationsAsync(page);

        // Create.
        await page.GetByTestId("create-report").ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("What is the report called?").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the report" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/workbench/reports/r[a-z2-7]{12}/edit$"));
        var id = Regex.Match(page.Url, "/reports/(r[a-z2-7]{12})/").Groups[1].Value;
        await Accessibility.AssertNoViolationsAsync(page);

        // Two charts from the explorer, each with its own filters.
        var bolton = await AddChartAsync(page, "/workbench/explore?measure=cla_31_march&area=Bolton&sex=F", "trend", title, checkAccessibility: true);
        var wigan = await AddChartAsync(page, "/workbench/explore?measure=started&area=Wigan&uasc=no", "compare", title, checkAccessibility: false);
        Assert.Equal(2, await page.GetByTestId("block").CountAsync());

        // A text block whose Markdown carries HTML, which must reach the page as text.
        await page.GetByLabel("New text block (Markdown)").FillAsync("## Why it matters\n\nGirls in **Bolton** <script>window.gmcInjected = 1</script> stay longer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the text" }).ClickAsync();
        Assert.Equal(3, await page.GetByTestId("block").CountAsync());

        // Reorder: the text to the top.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up block 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up block 2" }).ClickAsync();
        Assert.Equal(["text", "chart", "chart"], await BlockKindsAsync(page));
        await Accessibility.AssertNoViolationsAsync(page);

        // Version 2, then an edit and version 3.
        await page.GetByLabel("What changed (optional)").FillAsync("Two charts and why");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        Assert.Contains("Saved as version 2", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);
        var textBox = page.Locator("textarea[name^=text-]");
        await textBox.FillAsync((await textBox.InputValueAsync()).Replace("stay longer", "stay longer than boys", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 3" }).ClickAsync();
        Assert.Contains("Saved as version 3", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);

        // The report: the latest version, its data version and each chart's filters; the Markdown's HTML shown as text.
        await page.GotoAsync($"/workbench/reports/{id}");
        Assert.Equal("3 of 3", await page.GetByTestId("version-number").InnerTextAsync());
        Assert.Equal(await DataVersionAsync(), await page.GetByTestId("built-on-version").InnerTextAsync());
        var filters = await page.GetByTestId("built-on-filters").InnerTextAsync();
        Assert.Contains("Bolton, 2024/25; sex female", filters, StringComparison.Ordinal);
        Assert.Contains("Wigan, 2024/25; not unaccompanied asylum-seeking children", filters, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("data-changed").CountAsync());
        var text = page.GetByTestId("report-text");
        Assert.Contains("<script>window.gmcInjected = 1</script>", await text.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await text.Locator("script").CountAsync());
        Assert.Equal("Why it matters", await text.Locator("h3").InnerTextAsync());
        await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
        Assert.Equal(2, await page.Locator("[data-chart-drawn=true]").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.gmcInjected === 1"));
        Assert.Equal([bolton, wigan], await page.Locator(".gmc-chart-block h2").AllInnerTextsAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // The older version, from the history.
        await page.GotoAsync($"/workbench/reports/{id}/history");
        Assert.Equal(3, await page.GetByTestId("versions").Locator("tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Version 2" }).ClickAsync();
        Assert.Contains("You are reading version 2", await page.GetByTestId("version-state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Two charts and why", await page.GetByTestId("version-number").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("than boys", await page.GetByTestId("report-text").InnerTextAsync(), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
        await Accessibility.AssertNoViolationsAsync(page);

        // Shared with a named colleague: they see it, read-only; a stranger does not learn it exists.
        await page.GotoAsync($"/workbench/reports/{id}/share");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Colleague });
        await page.GetByRole(AriaRole.Button, new() { Name = "Share with the person" }).ClickAsync();
        Assert.Contains($"Shared with {Colleague}", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Colleague, await page.GetByTestId("shares").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        var colleague = await web.NewPageAsync();
        await colleague.GotoAsync("/workbench/reports");
        await SignIn.AsAsync(colleague, Colleague);
        await colleague.GetByTestId("shared-reports").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.Equal(title, await colleague.GetByTestId("report-title").InnerTextAsync());
        Assert.Equal(0, await colleague.GetByRole(AriaRole.Link, new() { Name = "Edit the report" }).CountAsync());
        Assert.Equal(403, (await colleague.GotoAsync($"/workbench/reports/{id}/edit"))!.Status);

        var stranger = await web.NewPageAsync();
        await stranger.GotoAsync("/workbench/reports");
        await SignIn.AsAsync(stranger, Stranger);
        Assert.Equal(0, await stranger.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync());
        Assert.Equal(404, (await stranger.GotoAsync($"/workbench/reports/{id}"))!.Status);
        Assert.Equal(404, (await stranger.GotoAsync($"/workbench/reports/{id}?handler=pdf"))!.Status);

        // Exports of the latest version.
        await page.GotoAsync($"/workbench/reports/{id}");
        var html = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-html").ClickAsync());
        var htmlPath = await html.PathAsync();
        var exported = await File.ReadAllTextAsync(htmlPath, Ct);
        Assert.Matches(@"-v3\.html$", html.SuggestedFilename);
        Assert.Contains($"Built on data version <strong>{await DataVersionAsync()}</strong>", exported, StringComparison.Ordinal);
        // The markup, with the inline scripts' code left out (Vega's own code mentions URLs it never fetches here).
        var markup = Regex.Replace(exported, "(?is)(<script[^>]*>).*?</script>", "$1</script>");
        Assert.Equal(4, Regex.Count(markup, "(?i)<script>"));
        Assert.DoesNotMatch(@"(?i)<(script|img|link|iframe|object|embed)\b[^>]*\s(src|href|data)\s*=", markup);
        Assert.DoesNotMatch(@"(?i)\s(src|href)\s*=\s*[""']?(https?:)?//", markup);
        Assert.DoesNotContain(web.BaseUrl, exported, StringComparison.Ordinal);
        await AssertDrawsOfflineAsync(htmlPath, expectedCharts: 2);

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-pdf").ClickAsync());
        Assert.Matches(@"-v3\.pdf$", pdf.SuggestedFilename);
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync(await pdf.PathAsync(), Ct));
        var pdfText = Squeeze(string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
        Assert.Contains(Squeeze(bolton), pdfText, StringComparison.Ordinal);
        Assert.Contains(Squeeze(wigan), pdfText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Why it matters"), pdfText, StringComparison.Ordinal);
        // Drawn, not only tabled: the trend chart's axis title is in no table.
        Assert.Contains(Squeeze("Collection year"), pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_WithoutJavaScript_AddsMovesRemovesAndSaves()
    {
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync("/workbench/reports/new");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);
        await page.GetByLabel("What is the report called?").FillAsync("No script " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the report" }).ClickAsync();

        foreach (var words in new[] { "First words", "Second words", "Third words" })
        {
            await page.GetByLabel("New text block (Markdown)").FillAsync(words);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the text" }).ClickAsync();
        }

        // Typed but not saved, then moved: what was typed is kept.
        await page.Locator("textarea[name^=text-]").Nth(2).FillAsync("Third words, edited");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up block 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove block 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();

        Assert.Contains("Saved as version 2", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Third words, edited", "Second words"], await page.Locator("textarea[name^=text-]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 3" }).ClickAsync();
        Assert.Contains("Nothing has changed since version 2", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);

        // A draft change is previewed by its owner, and is not what readers of the report see.
        await page.Locator("textarea[name^=text-]").First.FillAsync("Draft words");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview the draft" }).ClickAsync();
        Assert.Contains("draft", await page.GetByTestId("version-state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Draft words", await page.GetByTestId("report-text").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the editor" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Read version 2" }).ClickAsync();
        Assert.Equal("Third words, edited", await page.GetByTestId("report-text").First.InnerTextAsync());
    }

    [Fact]
    public async Task Dashboard_AddToReport_KeepsTheDashboardsFilters()
    {
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync("/workbench?sex=M");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByTestId("add-to-report-started-multiples").ClickAsync();

        Assert.Contains("sex male", await page.GetByTestId("chart-filters").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("A new report", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Title of the new report").FillAsync("Boys starting " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the chart" }).ClickAsync();
        Assert.Contains("Filters: Greater Manchester, 2024/25; sex male", await page.GetByTestId("block-filters").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_AddToReport_DrawTheSameFiguresAsTheirPages()
    {
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync("/workbench/drifters?area=Bolton&sex=F");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);
        var drifters = await page.GetByTestId("table-drifters-cohorts").Locator("tbody").InnerTextAsync();

        // The drifters story's chart by year of entry, with its area and filter, into a new report.
        await page.GetByTestId("add-to-report-drifters-cohorts").ClickAsync();
        var filters = await page.GetByTestId("chart-filters").InnerTextAsync();
        Assert.Contains("Bolton", filters, StringComparison.Ordinal);
        Assert.Contains("sex female", filters, StringComparison.Ordinal);
        var title = "Stories " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("A new report", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Title of the new report").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the chart" }).ClickAsync();
        var id = Regex.Match(page.Url, "/reports/(r[a-z2-7]{12})/").Groups[1].Value;
        Assert.Contains("drifters, Bolton", await page.GetByTestId("block-filters").InnerTextAsync(), StringComparison.Ordinal);

        // The forecast's total under a scenario, into the same report.
        await page.GotoAsync("/workbench/forecast?area=Wigan&years=2&entry=1.2");
        var forecast = await page.GetByTestId("table-forecast-total").Locator("tbody").InnerTextAsync();
        await page.GetByTestId("add-to-report-forecast-total").ClickAsync();
        Assert.Contains("Wigan; 2 years ahead; fitted on 3 years; entries × 1.2", await page.GetByTestId("chart-filters").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel(title, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the chart" }).ClickAsync();
        Assert.Equal(2, await page.GetByTestId("block").CountAsync());
        var back = await page.GetByRole(AriaRole.Link, new() { Name = "Open in the forecast" }).GetAttributeAsync("href");
        Assert.Contains("entry=1.2", back!, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();

        // Read back: each chart's table holds exactly the figures its own page showed.
        await page.GotoAsync($"/workbench/reports/{id}");
        var tables = await page.Locator("table[data-testid^=table-] tbody").AllInnerTextsAsync();
        Assert.Equal([drifters, forecast], tables);
    }

    [Fact]
    public async Task Create_BlankTitle_ShowsTheErrorSummary()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/reports/new");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the report" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a title for the report", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ReportPages_At320Pixels_ReflowAndHaveNoAccessibilityViolations()
    {
        // A report with a chart, text and a share, made through the library as the pages would.
        var reports = web.Services.GetRequiredService<ReportLibrary>();
        var owner = new ReportReader("demo-analyst-352", "dfe:352", "analyst");
        var dataVersion = await DataVersionAsync();
        var report = (await reports.CreateAsync(owner, "Narrow screens " + Guid.NewGuid().ToString("N")[..6], dataVersion, Ct)).Value!;
        await reports.AddBlockAsync(report.Id, owner, ReportBlock.Chart("cla_rate_per_10000", "multiples", "year=2025", "Rate per 10,000 in each authority"), Ct);
        await reports.AddBlockAsync(report.Id, owner, ReportBlock.Text("## Summary\n\n- One\n- Two\n\n| area | note |\n|---|---|\n| Bolton | rising |"), Ct);
        await reports.SaveAsync(report.Id, owner, dataVersion, "For narrow screens", Ct);
        await reports.ShareAsync(report.Id, owner, ReportShare.WithRole("dfe:352", "social-worker"), Ct);
        var page = await web.NewPageAsync(width: 320);
        await page.GotoAsync("/workbench/reports");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        foreach (var path in new[]
        {
            "/workbench/reports", "/workbench/reports/new", $"/workbench/reports/{report.Id}", $"/workbench/reports/{report.Id}?version=1",
            $"/workbench/reports/{report.Id}/edit", $"/workbench/reports/{report.Id}/history", $"/workbench/reports/{report.Id}/share",
            "/workbench/reports/add-chart?measure=cla_31_march&view=compare",
        })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("body[data-charts-drawn=true], body:not(:has([data-vega-spec]))");
            if (await Accessibility.ScrollsSidewaysAsync(page))
            {
                // Name what sticks out, so that a failure says where to look.
                var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(-5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
                Assert.Fail($"{path} scrolls sideways at 320 px: {wide}");
            }

            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    /// <summary>From the explorer, "Add to report" on one view's chart into the named report; returns the chart's title.</summary>
    private static async Task<string> AddChartAsync(IPage page, string explore, string view, string report, bool checkAccessibility)
    {
        await page.GotoAsync(explore);
        await page.GetByTestId("add-to-report-" + view).ClickAsync();
        if (checkAccessibility)
        {
            await Accessibility.AssertNoViolationsAsync(page);
        }

        var title = await page.GetByLabel("Chart title").InputValueAsync();
        await page.GetByLabel(report, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the chart" }).ClickAsync();
        Assert.Contains("The chart was added", await page.GetByTestId("done").InnerTextAsync(), StringComparison.Ordinal);
        return title;
    }

    private static async Task<string[]> BlockKindsAsync(IPage page) =>
        [.. (await page.GetByTestId("block").Locator("legend").AllInnerTextsAsync()).Select(l => l[(l.LastIndexOf(' ') + 1)..])];

    /// <summary>Opens the exported file with every request other than the file itself refused, and waits for its charts.</summary>
    private async Task AssertDrawsOfflineAsync(string path, int expectedCharts)
    {
        var page = await web.NewPageAsync();
        var requested = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                requested.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var copy = Path.Combine(Path.GetTempPath(), $"gmc-report-{Guid.NewGuid():N}.html");
        File.Copy(path, copy);
        try
        {
            await page.GotoAsync(new Uri(copy).AbsoluteUri);
            await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
            Assert.Equal(expectedCharts, await page.Locator("[data-chart-drawn=true]").CountAsync());
            Assert.Empty(requested);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
