namespace GmConnect.Server.Workbench.Reports;

/// <summary>The Workbench reports' exports (configuration section <c>Workbench:Reports</c>).</summary>
public sealed class ReportsOptions
{
    public const string Section = "Workbench:Reports";

    /// <summary>The Chromium that prints PDFs, headless. Default: <c>/usr/bin/chromium</c> (Debian's). Missing, the PDF page says so.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Longest a PDF may take, in seconds, before Chromium is stopped. Default: 60.</summary>
    public int PdfTimeoutSeconds { get; set; } = 60;

    /// <summary>PDFs printed at once (each is a Chromium process); more wait their turn. Default: 2.</summary>
    public int MaxConcurrentPdfs { get; set; } = 2;

    internal bool IsValid() => !string.IsNullOrWhiteSpace(ChromiumPath) && PdfTimeoutSeconds is > 0 and <= 600 && MaxConcurrentPdfs is > 0 and <= 16;
}
