namespace GmConnect.Server;

/// <summary>The Workbench reports' log messages (event ids 240–249): report ids, counts and timings only.</summary>
internal static partial class Log
{
    [LoggerMessage(240, LogLevel.Information, "Workbench report {ReportId} version {Version} printed to PDF ({Bytes} bytes) in {Milliseconds} ms")]
    public static partial void ReportPdfPrinted(ILogger logger, string reportId, int version, long bytes, long milliseconds);

    [LoggerMessage(241, LogLevel.Warning, "Workbench report {ReportId}: PDF not printed ({Reason})")]
    public static partial void ReportPdfFailed(ILogger logger, string reportId, string reason);
}
