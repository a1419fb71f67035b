namespace GmConnect.Workbench.Model;

/// <summary>
/// Runs independent pieces of work on the thread pool and returns their results in input order — what
/// <c>AsParallel().AsOrdered().Select(…).ToList()</c> did. PLINQ was replaced because <c>gmc</c> runs once and exits:
/// each PLINQ query shape brought dozens of generic methods that ReadyToRun cannot precompile, JIT-compiled at start-up
/// in every run; <see cref="Parallel.For(int, int, Action{int})"/> is precompiled.
/// </summary>
internal static class ParallelWork
{
    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> work)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, i => results[i] = work(items[i]));
        return results;
    }
}
