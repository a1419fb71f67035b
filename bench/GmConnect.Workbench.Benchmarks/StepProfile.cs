using System.Diagnostics;
using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Benchmarks;

/// <summary>Wall and CPU seconds of each Workbench step, repeated in one process.</summary>
internal static class StepProfile
{
    public static void Run(string dir, int iterations)
    {
        for (var i = 1; i <= iterations; i++)
        {
            var imported = Time($"{i} import", () => Ssda903Importer.ReadTree(dir));
            var errors = Time($"{i} validate", () => Ssda903Validator.ValidateAll(imported.Returns));
            var history = Time($"{i} derived", () => Ssda903History.Build(imported.Returns));
            var measures = Time($"{i} measures", () => Ssda903Measures.Compute(history));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i} returns {imported.Returns.Count}, errors {errors.Sum(e => e.Errors.Count)}, children {history.Children.Count}, figures {measures.Count}"));
        }
    }

    internal static T Time<T>(string label, Func<T> step)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        // Allocated bytes do not depend on the machine's load, so they show an allocation lever's effect exactly;
        // collections and pause time show what the allocations cost the GC.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var result = step();
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        var mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-14} wall {clock.Elapsed.TotalSeconds,6:0.000} s  cpu {used.TotalSeconds,6:0.000} s  alloc {mb,7:0} MB  " +
            $"gc {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} " +
            $"pause {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.000} s  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return result;
    }
}
