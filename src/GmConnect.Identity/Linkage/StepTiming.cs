namespace GmConnect.Identity.Linkage;

/// <summary>How long one step of a run took: wall-clock time, and the process's CPU time (all threads) meanwhile.</summary>
public sealed record StepTiming(string Step, TimeSpan Elapsed)
{
    /// <summary>CPU time of the whole process during the step; on a shared machine steadier than <see cref="Elapsed"/>.</summary>
    public TimeSpan Cpu { get; init; }
}
