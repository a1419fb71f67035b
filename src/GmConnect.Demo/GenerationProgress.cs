namespace GmConnect.Demo;

/// <summary>How far a generation run has got. Counts only: never personal data.</summary>
/// <param name="People">People generated so far.</param>
/// <param name="TotalPeople">People asked for.</param>
/// <param name="Records">Source records written so far.</param>
public sealed record GenerationProgress(long People, long TotalPeople, long Records);
