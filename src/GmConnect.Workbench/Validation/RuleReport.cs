namespace GmConnect.Workbench.Validation;

/// <summary>One rule's failures in one table: the DfE code and message, how many rows, and the rows.</summary>
public sealed record RuleReport(string Code, string Message, int Count, IReadOnlyList<ReportedRow> Rows);
