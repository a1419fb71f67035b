using GmConnect.Server.Workbench;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Reports;
using GmConnect.Workbench.Synthetic;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Tests.Workbench;

/// <summary>Exports of a report: the HTML file states its data version and filters and fetches nothing; no Chromium is a message, not an error.</summary>
public sealed class ReportExporterTests
{
    private static readonly Lazy<ExploreDataset> Data = new(() =>
    {
        var returns = SyntheticReturns.Generate(new SyntheticOptions { FirstEndYear = 2023, LastEndYear = 2025, Scale = 0.05, Seed = 7 });
        return new ExploreDataset(returns, "test+" + DataFingerprint.Of(returns));
    });

    private static ReportVersion Version(params ReportBlock[] blocks) =>
        new("rabcdefghijkl", 2, "Bolton <briefing>", blocks, "old-data", "demo-analyst-352", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), null, null);

    private static ReportExporter Exporter(string chromium = "/nonexistent/chromium") =>
        new(new TestEnvironment(), Options.Create(new ReportsOptions { ChromiumPath = chromium }), TimeProvider.System, NullLogger<ReportExporter>.Instance);

    private static ReportExport Export(ReportVersion v) =>
        new(v, ReportRenderer.Render(v, Data.Value, viewerAuthority: null, links: false), Data.Value.Version, 3, "Demo Analyst", "Demo Analyst", false);

    [Fact]
    public void Html_ChartAndText_StatesDataVersionFiltersAndThatTheDataChanged()
    {
        var chart = ReportBlock.Chart("cla_31_march", "trend", "area=Bolton&sex=F", "Girls in Bolton");
        using var exporter = Exporter();

        var html = exporter.Html(Export(Version(ReportBlock.Text("Girls **stay**."), chart)));

        Assert.Contains("<h1>Bolton &lt;briefing&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Built on data version <strong>old-data</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Girls in Bolton: Bolton, 2024/25; sex female</li>", html, StringComparison.Ordinal);
        Assert.Contains("The data have changed since this version was saved", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"block-{chart.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/workbench/explore", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_FilterTheDataNoLongerKnow_SaysSoInsteadOfAChart()
    {
        var chart = ReportBlock.Chart("cla_31_march", "trend", "area=Atlantis", "Lost city");
        using var exporter = Exporter();

        var html = exporter.Html(Export(Version(chart)));

        Assert.Contains("This chart cannot be drawn from the data loaded now", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfAsync_NoChromium_ExplainsInsteadOfFailing()
    {
        using var exporter = Exporter();

        var pdf = await exporter.PdfAsync(Export(Version()), TestContext.Current.CancellationToken);

        Assert.Null(pdf.Pdf);
        Assert.Contains("PDF export needs Chromium", pdf.Problem, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/chromium", pdf.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FileName_TitleWithPunctuation_IsLettersDigitsAndVersion()
    {
        Assert.Equal("bolton-briefing-v2.html", ReportExporter.FileName(Version(), "html"));
    }

    private sealed class TestEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "test";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public string EnvironmentName { get; set; } = "Test";
    }
}
