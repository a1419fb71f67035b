namespace GmConnect.Workbench.Validation;

/// <summary>A rule of the year's catalogue that was not run over a return, and why (e.g. the postcode file was not given).</summary>
public sealed record RuleNotRun(string Code, string Reason);
