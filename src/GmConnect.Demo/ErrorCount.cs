namespace GmConnect.Demo;

/// <summary>How often one error type was injected.</summary>
/// <param name="Rate">The configured rate.</param>
/// <param name="Opportunities">Records where the error was possible.</param>
/// <param name="Applied">Records that got it.</param>
public sealed record ErrorCount(double Rate, long Opportunities, long Applied);
