namespace GmConnect.Workbench.Reports;

/// <summary>An outcome and, when it is <see cref="ReportOutcome.Done"/>, what was made or read.</summary>
public sealed record ReportResult<T>(ReportOutcome Outcome, T? Value)
    where T : class;
