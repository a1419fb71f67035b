namespace GmConnect.Identity.Linkage;

/// <summary>How long one step of a run took.</summary>
public sealed record StepTiming(string Step, TimeSpan Elapsed);
