using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>One table of a return: its rows, the rows with at least one error, and the failures by rule (most first).</summary>
public sealed record TableReport(ReturnTable Table, int Rows, int RowsWithErrors, IReadOnlyList<RuleReport> Rules)
{
    /// <summary>Failures in the table, over every rule.</summary>
    public int Errors => Rules.Sum(r => r.Count);
}
