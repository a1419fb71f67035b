using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using static System.Net.WebUtility;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// A report version as one HTML file that makes no requests — its styles, Vega's scripts and each chart's specification
/// inline, each chart's figures also as a table, and a Content-Security-Policy that forbids fetching anything — and as
/// PDF, printed from that same file by headless Chromium (docs/adr/0010-report-pdf-with-headless-chromium.md).
/// </summary>
public sealed class ReportExporter(IWebHostEnvironment environment, IOptions<ReportsOptions> options, TimeProvider time, ILogger<ReportExporter> logger) : IDisposable
{
    private static readonly string[] VegaScripts = ["js/vendor/vega.min.js", "js/vendor/vega-lite.min.js", "js/vendor/vega-embed.min.js"];

    private readonly SemaphoreSlim _printing = new(options.Value.MaxConcurrentPdfs);
    private readonly Lazy<string?> _scripts = new(() => ReadScripts(environment));

    public void Dispose() => _printing.Dispose();

    /// <summary>The download's file name: the title's letters and digits, and the version.</summary>
    internal static string FileName(GmConnect.Workbench.Reports.ReportVersion version, string extension)
    {
        ArgumentNullException.ThrowIfNull(version);
        var slug = new string([.. version.Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{(slug.Length == 0 ? "report" : slug[..Math.Min(60, slug.Length)].Trim('-'))}-v{version.Number}.{extension}";
    }

    internal string Html(ReportExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var v = export.Version;
        var scripts = _scripts.Value;
        var html = new StringBuilder(1_000_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            // Nothing may be fetched: the file stands alone (Vega compiles its expressions, hence unsafe-eval).
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline' 'unsafe-eval'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode(v.Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<p class=\"caption\">GM Connect · Looked after children's workbench · Report</p>\n")
            .Append("<h1>").Append(HtmlEncode(v.Title)).Append("</h1>\n<dl class=\"meta\">\n");
        Row(html, "Version", export.IsDraft ? "Draft, not saved as a version" : $"{v.Number} of {export.LatestVersion}" + (v.Note is null ? "" : $" — {v.Note}"));
        Row(html, export.IsDraft ? "Last changed" : "Saved", When(v.SavedAt));
        Row(html, "Owner", export.OwnerName);
        Row(html, "Exported", $"{When(time.GetUtcNow())} by {export.ExportedBy}");
        html.Append("<dt>Built on</dt><dd>Built on data version <strong>").Append(HtmlEncode(v.DataVersion)).Append("</strong>");
        var charts = export.Blocks.Where(b => b.Html is null).ToList();
        if (charts.Count == 0)
        {
            html.Append(" with no charts.</dd>\n");
        }
        else
        {
            html.Append(" with filters:<ul>");
            foreach (var c in charts)
            {
                html.Append("<li>").Append(HtmlEncode(c.Title)).Append(": ").Append(HtmlEncode(c.FiltersText ?? "filters the data loaded now do not know")).Append("</li>");
            }

            html.Append("</ul></dd>\n");
        }

        html.Append("</dl>\n");
        if (export.DataVersionNow != v.DataVersion)
        {
            html.Append("<p class=\"warning\"><strong>The data have changed since this version was saved.</strong> The charts are drawn from data version ")
                .Append(HtmlEncode(export.DataVersionNow)).Append(", the data loaded when it was exported; figures may differ from those the text describes.</p>\n");
        }

        html.Append("<p class=\"notice\">Synthetic returns for the ten Greater Manchester authorities. Numbers below 5, and rates and percentages resting on fewer than 5 children, are withheld in every area and shown as <strong>c</strong>.</p>\n");
        if (scripts is null && charts.Count > 0)
        {
            html.Append("<p class=\"notice\">The charts' scripts were not available to this exchange, so each chart is given as its table.</p>\n");
        }

        foreach (var b in export.Blocks)
        {
            html.Append("<div class=\"block\" id=\"block-").Append(b.Id).Append("\">\n");
            if (b.Html is { } text)
            {
                html.Append("<div class=\"text\">").Append(text).Append("</div>\n");
            }
            else if (b.Chart is { } chart)
            {
                Chart(html, chart);
            }
            else
            {
                html.Append("<h2>").Append(HtmlEncode(b.Title)).Append("</h2><p class=\"warning\">").Append(HtmlEncode(b.Problem)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</main>\n<footer>Exported from GM Connect, ").Append(HtmlEncode(When(time.GetUtcNow()))).Append(". Demonstration data: every child in it is synthetic.</footer>\n");
        if (scripts is not null && charts.Count > 0)
        {
            html.Append(scripts).Append("<script>").Append(DrawScript).Append("</script>\n");
        }
        else
        {
            html.Append("<script>document.body.setAttribute('data-charts-drawn','true');</script>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Prints the HTML export with headless Chromium; never throws for an expected failure.</summary>
    internal async Task<ReportPdf> PdfAsync(ReportExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var o = options.Value;
        if (!File.Exists(o.ChromiumPath))
        {
            Log.ReportPdfFailed(logger, export.Version.ReportId, "chromium-missing");
            return new ReportPdf(null, $"PDF export needs Chromium, and this exchange has none at {o.ChromiumPath} (install it, or set Workbench:Reports:ChromiumPath).");
        }

        await _printing.WaitAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("gmc-report-pdf-");
        try
        {
            var clock = Stopwatch.StartNew();
            var input = Path.Combine(folder.FullName, "report.html");
            var output = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, Html(export), Encoding.UTF8, cancellationToken);
            var start = new ProcessStartInfo(o.ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in ChromiumArguments(folder.FullName, input, output))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            // Drain both pipes so that a chatty Chromium cannot block on a full pipe.
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.PdfTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                Log.ReportPdfFailed(logger, export.Version.ReportId, "timeout");
                return new ReportPdf(null, $"Chromium did not finish the PDF within {o.PdfTimeoutSeconds} seconds.");
            }

            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                Log.ReportPdfFailed(logger, export.Version.ReportId, "exit-" + process.ExitCode.ToString(CultureInfo.InvariantCulture));
                return new ReportPdf(null, $"Chromium could not print the PDF (exit code {process.ExitCode}).");
            }

            var pdf = await File.ReadAllBytesAsync(output, cancellationToken);
            Log.ReportPdfPrinted(logger, export.Version.ReportId, export.Version.Number, pdf.LongLength, clock.ElapsedMilliseconds);
            return new ReportPdf(pdf, null);
        }
        finally
        {
            _printing.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temporary folder is cleaned by the system.
            }
        }
    }

    /// <summary>
    /// Headless Chromium printing a local file: its own throw-away profile, nothing reaching out (no background
    /// networking, updates or sync), and virtual time so the charts' scripts finish before the page is printed.
    /// </summary>
    internal static IReadOnlyList<string> ChromiumArguments(string folder, string input, string output) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-quic",
        "--user-data-dir=" + Path.Combine(folder, "profile"), "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=30000", "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
    ];

    private static void Chart(StringBuilder html, ChartBlock chart)
    {
        html.Append("<section aria-labelledby=\"").Append(chart.Id).Append("-heading\">\n<h2 id=\"").Append(chart.Id).Append("-heading\">").Append(HtmlEncode(chart.Title)).Append("</h2>\n")
            .Append("<p class=\"small\">").Append(HtmlEncode(chart.Description)).Append("</p>\n")
            .Append("<div class=\"chart\" id=\"").Append(chart.Id).Append("-chart\" data-vega-spec=\"").Append(chart.Id).Append("-spec\" role=\"img\" aria-label=\"Chart: ")
            .Append(HtmlEncode(chart.Title)).Append(". The same figures are in the table that follows.\"></div>\n")
            .Append("<script type=\"application/json\" id=\"").Append(chart.Id).Append("-spec\">").Append(chart.Spec).Append("</script>\n");
        var t = chart.Table;
        if (t.Rows.Count == 0)
        {
            html.Append("<p>No figures for this view.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<caption>").Append(HtmlEncode(chart.Title)).Append("</caption>\n<thead><tr><th scope=\"col\">").Append(HtmlEncode(t.RowTitle)).Append("</th>");
        foreach (var column in t.Columns)
        {
            html.Append("<th scope=\"col\" class=\"num\">").Append(HtmlEncode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (header, cells) in t.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(header)).Append("</th>");
            foreach (var cell in cells)
            {
                html.Append("<td class=\"num\">").Append(HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append("<dt>").Append(HtmlEncode(key)).Append("</dt><dd>").Append(HtmlEncode(value)).Append("</dd>\n");

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? ReadScripts(IWebHostEnvironment environment)
    {
        var text = new StringBuilder();
        foreach (var path in VegaScripts)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(path);
            if (!file.Exists)
            {
                return null;
            }

            using var reader = new StreamReader(file.CreateReadStream());
            // A script element ends at the first "</script"; the minified sources have none, but never let one through.
            text.Append("<script>").Append(reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        }

        return text.ToString();
    }

    // The page's chart script, cut down: draw each chart as SVG, small multiples as many a row as fit, and mark the body when all are done.
    private const string DrawScript = """
        (function () {
          var charts = document.querySelectorAll('[data-vega-spec]');
          var pending = charts.length;
          function done() { pending -= 1; if (pending <= 0) { document.body.setAttribute('data-charts-drawn', 'true'); } }
          if (pending === 0 || typeof vegaEmbed !== 'function') { document.body.setAttribute('data-charts-drawn', 'true'); return; }
          charts.forEach(function (element) {
            var spec = JSON.parse(document.getElementById(element.getAttribute('data-vega-spec')).textContent);
            if (spec.facet && spec.spec && typeof spec.spec.width === 'number') {
              var available = element.clientWidth || 640;
              spec.columns = Math.max(1, Math.min(5, Math.floor(available / (spec.spec.width + 60))));
            }
            vegaEmbed(element, spec, { actions: false, renderer: 'svg' })
              .then(function () { element.setAttribute('data-chart-drawn', 'true'); done(); })
              .catch(function () { element.hidden = true; done(); });
          });
        })();
        """;

    // GOV.UK-like typography with the system's fonts (an export fetches no fonts), and print rules for the PDF.
    private const string Css = """
        body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; color: #0b0c0c; line-height: 1.4; margin: 0; }
        main { max-width: 960px; margin: 0 auto; padding: 20px; }
        h1 { font-size: 2rem; margin: 0 0 16px; } h2 { font-size: 1.5rem; margin: 32px 0 8px; } h3 { font-size: 1.2rem; }
        .caption { color: #505a5f; margin: 0 0 4px; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; border-top: 1px solid #b1b4b6; padding-top: 8px; }
        dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; } dl.meta ul { margin: 4px 0 0; padding-left: 20px; }
        .notice { border-left: 5px solid #b1b4b6; padding: 8px 12px; }
        .warning { border-left: 5px solid #d4351c; padding: 8px 12px; font-weight: bold; }
        .small { font-size: 0.9rem; color: #505a5f; }
        .chart { width: 100%; margin: 8px 0 12px; }
        table { border-collapse: collapse; margin: 8px 0 24px; font-size: 0.85rem; width: 100%; }
        caption { text-align: left; font-weight: bold; margin-bottom: 4px; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 4px 8px 4px 0; text-align: left; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        a { color: #1d70b8; }
        .govuk-inset-text { border-left: 5px solid #b1b4b6; padding: 8px 12px; }
        footer { max-width: 960px; margin: 0 auto; padding: 20px; border-top: 1px solid #b1b4b6; color: #505a5f; font-size: 0.85rem; }
        @page { size: A4; margin: 15mm; }
        @media print { main, footer { max-width: none; padding: 0; } section { break-inside: avoid-page; } h2 { break-after: avoid-page; } table { font-size: 0.75rem; } }
        """;
}
