using System.Diagnostics;
using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--rebuild STORE [RUNS]</c>: the Identity Manager's start-up rebuild of its in-memory index from a loaded store
/// (<c>gmc identity load</c>), timed end to end RUNS times, then once step by step (read, prepare, index).
/// </summary>
internal static class RebuildRun
{
    public static async Task RunAsync(string connectionString, int runs)
    {
        await using var store = Store.Open(connectionString);
        var options = new IdentityManagerOptions();
        for (var run = 1; run <= runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var manager = new IdentityManager(store, options, TimeProvider.System);
            await manager.InitializeAsync();
            Console.WriteLine($"run {run}: rebuild {watch.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, {manager.RecordCount:N0} records, {GC.GetTotalMemory(false) / 1048576:N0} MB managed");
        }

        // Step by step, as RebuildAsync does them.
        var identity = new IdentityStore(store);
        using var probe = new IdentityManager(store, options, TimeProvider.System);
        var settings = probe.Settings;
        var columns = new ProbeScorer(settings, Linkage.Training.DefaultModel.FromSettings(settings)).Columns;
        var step = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        string Cpu()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var text = $"{(now - cpu0).TotalSeconds:F2} s CPU, gen2 GCs so far {GC.CollectionCount(2)}";
            cpu0 = now;
            return text;
        }

        var stored = new List<StoredRecord>();
        await foreach (var record in identity.ReadAllRecordsAsync())
        {
            stored.Add(record);
        }

        Console.WriteLine($"  read {stored.Count:N0} records: {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        step.Restart();
        var index = new PersonIndex(settings, columns);
        var features = index.Describe([.. stored.Select(s => s.Record)]);
        Console.WriteLine($"  prepare (normalise, keys, values): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        step.Restart();
        for (var i = 0; i < stored.Count; i++)
        {
            if (!index.Persons.ContainsKey(stored[i].Link.PersonId))
            {
                index.AddPerson(stored[i].Link.PersonId);
            }

            index.Add(new IndexedRecord(stored[i].Record, stored[i].Version, stored[i].ContentHash, stored[i].Link, features[i]));
        }

        Console.WriteLine($"  index (blocks, identifiers, search keys, frequencies): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
    }
}
