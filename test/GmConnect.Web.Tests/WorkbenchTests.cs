using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Server.Workbench;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// The Looked After Children's Workbench in the browser, on the synthetic returns the exchange generates at start-up:
/// an analyst explores with filters that live in the address, downloads a chart's data, uploads a return and reads its
/// validation report; others see small numbers withheld.
/// </summary>
public sealed class WorkbenchTests(WebFixture web)
{
    private const string Analyst = "Demo Analyst (Manchester)";
    private const string SecondaryUse = "Secondary use";
    private static readonly string FakeData = "/work/shared/data/ssda903/csc-validator-be-903/fake_data";

    private async Task<ExploreDataset> DatasetAsync() =>
        (await web.Services.GetRequiredService<WorkbenchData>().DatasetAsync(TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task Explore_FilterBySexAndArea_AddressKeepsTheFilterAndTheFiguresFollowIt()
    {
        var data = await DatasetAsync();
        var latest = data.Years[^1];
        var expected = data.History.Children.Count(c => c.Key.Authority == "Bolton" && c.Sex == "F" && c.PeriodOn(latest.End)?.EpisodeOn(latest.End) is { IsRespite: false });
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/explore?measure=cla_31_march");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync("Bolton");
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync("F");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sex=F", StringComparison.Ordinal));

        Assert.Contains("area=Bolton", page.Url, StringComparison.Ordinal);
        Assert.Contains("measure=cla_31_march", page.Url, StringComparison.Ordinal);
        Assert.Contains("sex female", await page.GetByTestId("filter-summary").InnerTextAsync(), StringComparison.Ordinal);
        var lastRow = page.GetByTestId("table-trend").Locator("tbody tr").Last;
        Assert.Equal(latest.ToString(), await lastRow.Locator("th").InnerTextAsync());
        Assert.Equal(expected.ToString("N0", CultureInfo.InvariantCulture), await lastRow.Locator("td").First.InnerTextAsync());
        await page.Locator("#trend-chart[data-chart-drawn=true]").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The address alone gives the same view to whoever opens it.
        var shared = await page.Context.NewPageAsync();
        await shared.GotoAsync(page.Url);
        Assert.Equal("F", await shared.GetByLabel("Sex", new() { Exact = true }).InputValueAsync());
        Assert.Equal("Bolton", await shared.GetByLabel("Area", new() { Exact = true }).InputValueAsync());
        Assert.Equal(expected.ToString("N0", CultureInfo.InvariantCulture),
            await shared.GetByTestId("table-trend").Locator("tbody tr").Last.Locator("td").First.InnerTextAsync());
    }

    [Fact]
    public async Task Explore_DownloadCsv_HoldsTheChartsFiguresForTheFilter()
    {
        var data = await DatasetAsync();
        var latest = data.Years[^1];
        var expected = data.History.Children.Count(c => c.Key.Authority == "Wigan" && c.WasUasc == false && c.PeriodOn(latest.End)?.EpisodeOn(latest.End) is { IsRespite: false });
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/explore?measure=cla_31_march&uasc=no");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-compare").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).ToList();

        Assert.Equal("cla_31_march-compare.csv", download.SuggestedFilename);
        Assert.Equal("area,year,measure,category,kind,value,base", lines[0]);
        Assert.Equal(11, lines.Count - 1);
        Assert.StartsWith("GM,", lines[1], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{latest},cla_31_march,all,Count,", l, StringComparison.Ordinal));
        Assert.Contains($"Wigan,{latest},cla_31_march,all,Count,{expected},{expected}", lines);
    }

    [Fact]
    public async Task Explore_SmallNumber_WithheldFromOthersButShownToTheAuthoritysAnalyst()
    {
        var data = await DatasetAsync();
        var (query, small) = FindSmallManchesterFigure(data);
        var path = $"/workbench/explore?measure={small.Measure}&year={small.Year.EndYear}{query}";

        var analyst = await web.NewPageAsync();
        await analyst.GotoAsync(path);
        await SignIn.AsAsync(analyst, Analyst, SecondaryUse);
        var other = await web.NewPageAsync();
        await other.GotoAsync(path);
        await SignIn.AsAsync(other);

        var cell = (IPage p) => p.GetByTestId("table-compare").Locator("tbody tr", new() { Has = p.GetByRole(AriaRole.Rowheader, new() { Name = "Manchester", Exact = true }) }).Locator("td").First;
        Assert.Equal(small.Value!.Value.ToString("N0", CultureInfo.InvariantCulture), await cell(analyst).InnerTextAsync());
        Assert.Equal("c", await cell(other).InnerTextAsync());
        var download = await other.RunAndWaitForDownloadAsync(() => other.GetByTestId("csv-compare").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains($"Manchester,{small.Year},{small.Measure},all,Count,c,c", lines);
    }

    [Fact]
    public async Task Dashboard_TenAuthorities_ShowsSmallMultiplesWithATableEach()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        Assert.Equal("Looked after children's workbench – GM Connect", await page.TitleAsync());
        Assert.Equal(10, await page.GetByTestId("table-cla_31_march-multiples").Locator("tbody tr").CountAsync());
        Assert.Equal(11, await page.GetByTestId("table-cla_rate_per_10000-compare").Locator("tbody tr").CountAsync());
        await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
        Assert.Equal(IndexCharts, await page.Locator("[data-chart-drawn=true]").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private const int IndexCharts = 5;

    public static TheoryData<string> Pages() =>
        ["/workbench", "/workbench/explore?measure=cla_by_legal_status", "/workbench/explore?measure=ceased_by_reason&area=Salford", "/workbench/upload",
         "/workbench/drifters?area=Oldham", "/workbench/forecast?area=Bury&entry=1.2", "/workbench/children"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320Pixels_ReflowsAndHasNoAccessibilityViolations(string path)
    {
        var page = await web.NewPageAsync(width: 320);
        await page.GotoAsync(path);
        await SignIn.AsAsync(page, Analyst, SecondaryUse);
        if (path is not ("/workbench/upload" or "/workbench/children"))
        {
            await page.WaitForSelectorAsync("body[data-charts-drawn=true]");
        }

        Assert.False(await Accessibility.ScrollsSidewaysAsync(page), $"{path} scrolls sideways at 320 px");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Explore_WithoutJavaScript_ShowsTheTables()
    {
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync("/workbench/explore?measure=started_by_age");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        Assert.True(await page.GetByTestId("table-multiples").Locator("tbody tr").CountAsync() >= 10);
        Assert.True(await page.Locator(".gmc-js-only").First.IsHiddenAsync());
    }

    [Fact]
    public async Task Explore_UnknownFilterValue_ShowsTheErrorSummary()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/explore?measure=cla_31_march&sex=Q");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Select a sex from the list", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Upload_SampleReturnWithAStrayFile_ShowsTheReportByTableAndRuleAndTheCsv()
    {
        var expected = ExpectedErrors("header.csv", "episodes.csv");
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/upload");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByLabel("Upload the return's files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "header.csv", MimeType = "text/csv", Buffer = await File.ReadAllBytesAsync(Path.Combine(FakeData, "header.csv"), TestContext.Current.CancellationToken) },
            new FilePayload { Name = "episodes.csv", MimeType = "text/csv", Buffer = await File.ReadAllBytesAsync(Path.Combine(FakeData, "episodes.csv"), TestContext.Current.CancellationToken) },
            new FilePayload { Name = "notes.csv", MimeType = "text/csv", Buffer = "what,why\nthis,is not a 903 table\n"u8.ToArray() },
        });
        await page.GetByLabel("Collection year (optional)").FillAsync("2024/25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();

        Assert.Equal("Validation of Manchester's 2024/25 return – GM Connect", await page.TitleAsync());
        Assert.Equal(expected.Count.ToString("N0", CultureInfo.InvariantCulture), await page.GetByTestId("error-total").InnerTextAsync());
        Assert.Contains("notes.csv", await page.GetByTestId("import-messages").InnerTextAsync(), StringComparison.Ordinal);
        var notRun = await page.GetByTestId("not-run").InnerTextAsync();
        Assert.StartsWith("21 rules were not run", notRun, StringComparison.Ordinal);
        Assert.Contains("1015", notRun, StringComparison.Ordinal);
        Assert.Contains("1008", notRun, StringComparison.Ordinal);
        var tables = page.GetByTestId("tables").Locator("tbody tr");
        Assert.Equal(2, await tables.CountAsync());
        var top = expected.Where(e => e.Table == ReturnTable.Episodes).GroupBy(e => e.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var firstRule = page.GetByTestId("rules-Episodes").Locator("tbody tr").First;
        Assert.Equal(top.Key, await firstRule.Locator("th").InnerTextAsync());
        Assert.Equal(top.Count().ToString("N0", CultureInfo.InvariantCulture), await firstRule.Locator("td").Last.InnerTextAsync());
        await page.GetByTestId($"rows-Episodes-{top.Key}").Locator("summary").ClickAsync();
        Assert.Equal(Math.Min(top.Count(), 100), await page.GetByTestId($"rows-Episodes-{top.Key}").Locator("tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").ClickAsync());
        using var reader = new StreamReader(await download.PathAsync());
        var records = Csv.Read(reader).ToList();
        Assert.Equal(["table", "row", "child", "code", "message", "fields"], records[0]);
        Assert.Equal(expected.Count, records.Count - 1);
        Assert.Equal(top.Count(), records.Count(r => r[0] == "Episodes" && r[3] == top.Key));
        Assert.All(records.Skip(1), r => Assert.Contains(expected, e => e.Table.ToString() == r[0] && (e.Row + 1).ToString(CultureInfo.InvariantCulture) == r[1] && e.Code == r[3]));
    }

    [Fact]
    public async Task Upload_NothingUsable_ShowsTheErrorSummaryAndKeepsTheYear()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/upload");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByLabel("Upload the return's files").SetInputFilesAsync(new FilePayload { Name = "notes.csv", MimeType = "text/csv", Buffer = "what,why\nthis,is not a 903 table\n"u8.ToArray() });
        await page.GetByLabel("Collection year (optional)").FillAsync("2024/25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();

        Assert.Equal("Error: Upload a 903 return – GM Connect", await page.TitleAsync());
        Assert.Contains("None of the files is a 903 table", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("notes.csv", await page.GetByTestId("import-messages").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2024/25", await page.GetByLabel("Collection year (optional)").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Upload_NotAnAuthorityAnalyst_IsToldWhoCanUpload()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/upload");
        await SignIn.AsAsync(page);

        Assert.Contains("Only an analyst", await page.GetByTestId("not-analyst").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("input[type=file]").CountAsync());
    }

    [Fact]
    public async Task Drifters_AllAreas_ShowsGmFirstAndACsvOfTheSameRows()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/drifters");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        var rows = page.GetByTestId("table-drifters-areas").Locator("tbody tr");
        Assert.Equal(11, await rows.CountAsync());
        Assert.Equal("GM", await rows.First.Locator("th").InnerTextAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-drifters-areas").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("area,cohort,children,", lines[0], StringComparison.Ordinal);
        Assert.Equal(11, lines.Length - 1);
        Assert.StartsWith("GM,all,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_ScenarioWithMoreEntries_ProjectsMoreChildrenThanTheBaseline()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/forecast");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        await page.GetByLabel("Entries into care").FillAsync("1.5");
        await page.GetByLabel("Years ahead").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the forecast" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("entry=1.5", StringComparison.Ordinal));

        var rows = page.GetByTestId("table-forecast-total").Locator("tbody tr");
        Assert.Equal(4, await rows.CountAsync());
        var mean = async (int i) => double.Parse((await rows.Nth(i).Locator("td").First.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.True(await mean(3) > await mean(1), "two years ahead, the scenario with 50% more entries should have more children in care than the baseline");
        Assert.Equal("1.5", await page.GetByLabel("Entries into care").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Forecast_MultiplierNotANumber_ShowsTheErrorSummary()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/forecast?entry=lots");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Entries must be a multiplier", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_AuthorityAnalyst_SeesPseudonymisedTimelinesOfTheirOwnChildrenOnly()
    {
        var data = await DatasetAsync();
        var asAt = data.Years[^1].End;
        var expected = data.ChildrenOf("Manchester").Count(c => c.PeriodOn(asAt)?.EpisodeOn(asAt) is { IsRespite: false });
        var page = await web.NewPageAsync();
        await page.GotoAsync("/workbench/children");
        await SignIn.AsAsync(page, Analyst, SecondaryUse);

        Assert.StartsWith(expected.ToString("N0", CultureInfo.InvariantCulture) + " children", await page.GetByTestId("children-total").InnerTextAsync(), StringComparison.Ordinal);
        var first = page.GetByTestId("children").Locator("tbody tr th a").First;
        var pseudonym = await first.InnerTextAsync();
        Assert.Matches("^LAC-[A-Z2-9]{10}$", pseudonym);
        Assert.DoesNotContain("MAN1", await page.GetByTestId("children").InnerTextAsync(), StringComparison.Ordinal);
        await first.ClickAsync();
        Assert.Equal(pseudonym, await page.GetByTestId("pseudonym").InnerTextAsync());
        Assert.True(await page.GetByTestId("table-timeline").Locator("tbody tr").CountAsync() >= 1);
        await Accessibility.AssertNoViolationsAsync(page);

        var other = await web.NewPageAsync();
        await other.GotoAsync("/workbench/children/" + pseudonym);
        await SignIn.AsAsync(other);
        var response = await other.GotoAsync("/workbench/children/" + pseudonym);
        Assert.Equal(404, response!.Status);
    }

    // What the engine finds in the same files, read and validated the way the command line does.
    private static IReadOnlyList<ValidationError> ExpectedErrors(params string[] files)
    {
        var folder = Directory.CreateTempSubdirectory("gmc-web-903-");
        try
        {
            foreach (var file in files)
            {
                File.Copy(Path.Combine(FakeData, file), Path.Combine(folder.FullName, file));
            }

            var ret = Ssda903Importer.ReadReturn(folder.FullName, "Manchester", CollectionYear.Parse("2024/25")).Returns[0];
            return Ssda903Validator.Validate(ret);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A Manchester count of 1–4 (shown to its own analyst, withheld from others), under one of a few filters.
    private static (string Query, MeasureValue Value) FindSmallManchesterFigure(ExploreDataset data)
    {
        var filters = new (ExploreFilter Filter, string Query)[]
        {
            (ExploreFilter.None, ""), (new ExploreFilter(EthnicGroup: "other"), "&ethnicity=other"), (new ExploreFilter(EthnicGroup: "black"), "&ethnicity=black"),
            (new ExploreFilter(EntryAgeBand: "16+"), "&age=16%2B"), (new ExploreFilter(Uasc: true), "&uasc=yes"),
        };
        foreach (var (filter, query) in filters)
        {
            var small = data.Measures(filter, "Manchester").FirstOrDefault(v =>
                v.Area == "Manchester" && v.Kind == MeasureKind.Count && v.Value is > 0 and < 5 && MeasureCatalogue.Find(v.Measure) is { HasCategories: false });
            if (small is not null)
            {
                return (query, small);
            }
        }

        throw new InvalidOperationException("The synthetic returns hold no small Manchester count under these filters; widen the search.");
    }
}
