namespace GmConnect.Server.Workbench.Reports;

/// <summary>A PDF, or why there is none (Chromium missing, failed, or too slow), in words for the page.</summary>
internal sealed record ReportPdf(byte[]? Pdf, string? Problem);
