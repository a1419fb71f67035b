using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>One failed rule on one row: table, 0-based row within that table, child, DfE code and fields.</summary>
public sealed record ValidationError(ReturnTable Table, int Row, string Child, string Code, IReadOnlyList<string> Fields);
