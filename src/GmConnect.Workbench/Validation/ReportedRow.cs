namespace GmConnect.Workbench.Validation;

/// <summary>One row a rule flagged: its 1-based position among the table's data rows, the child, and the rule's fields with their values.</summary>
public sealed record ReportedRow(int Row, string Child, IReadOnlyList<(string Field, string? Value)> Values);
