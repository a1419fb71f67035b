namespace GmConnect.Workbench.Validation;

/// <summary>A DfE rule as the catalogue describes it.</summary>
public sealed record RuleInfo(string Code, string Message, IReadOnlyList<string> Fields, IReadOnlyList<string> Tables);
