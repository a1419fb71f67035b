using System.Diagnostics;
using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--rebuild STORE [RUNS] [--scratch] [--steps]</c>: the Identity Manager's start-up rebuild of its in-memory index from a loaded
/// store (<c>gmc identity load</c>), timed end to end RUNS times with the stored prepared forms (migration 0003), once
/// preparing every record from scratch as before (with <c>--scratch</c>), then once step by step (with <c>--steps</c>) (read, restore from the
/// stored forms, prepare the records without one, index). The store is migrated first; a store loaded before migration
/// 0003 gets its forms written by the first rebuild.
/// </summary>
internal static class RebuildRun
{
    public static async Task RunAsync(string connectionString, int runs, bool scratch, bool steps)
    {
        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        var options = new IdentityManagerOptions();
        for (var run = 1; run <= runs; run++)
        {
            await TimeAsync($"run {run}", store, options, ignorePrepared: false);
        }

        if (scratch)
        {
            await TimeAsync("from scratch (every record prepared, as before migration 0003)", store, options, ignorePrepared: true);
        }

        if (!steps)
        {
            return;
        }

        // Step by step, as BuildIndexAsync does them (but one after the other, not overlapped).
        var identity = new IdentityStore(store);
        using var probe = new IdentityManager(store, options, TimeProvider.System);
        var settings = probe.Settings;
        var columns = new ProbeScorer(settings, Linkage.Training.DefaultModel.FromSettings(settings)).Columns;
        var step = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        string Cpu()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var text = $"{(now - cpu0).TotalSeconds:F2} s CPU, gen2 GCs so far {GC.CollectionCount(2)}, GC pauses so far {GC.GetTotalPauseDuration().TotalSeconds:F2} s";
            cpu0 = now;
            step.Restart();
            return text;
        }

        var stored = new List<StoredIndexRow>();
        await foreach (var record in identity.ReadAllRecordsAsync())
        {
            stored.Add(record);
        }

        Console.WriteLine($"  read {stored.Count:N0} records (SQL, documents as bytes, prepared forms): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        var index = new PersonIndex(settings, columns);
        index.EnsureCapacity(stored.Count);
        var restoredOk = new bool[stored.Count];
        Parallel.For(0, stored.Count, i => restoredOk[i] = stored[i].Prepared is { } form && index.Restore(i, stored[i].Key, stored[i].Document.Span, form));

        Console.WriteLine($"  restore from stored forms ({restoredOk.Count(f => f):N0}): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        // GMC_BENCH_SPLIT=1: where the restore's time goes (identifiers, decoding with and without interning) — a look, not a figure.
        if (Environment.GetEnvironmentVariable("GMC_BENCH_SPLIT") == "1")
        {
            var pool = new PersonIndex(settings, columns);
            var n = 0;
            foreach (var s in stored)
            {
                n += RecordDocument.Identifiers(s.Key, s.Document.Span).Length;
            }

            Console.WriteLine($"    of which identifiers ({n:N0}): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
            var plain = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var s in stored)
            {
                PreparedForm.TryDecode(s.Prepared, pool.Fingerprint, settings.BlockingRules.Count, settings.Comparisons.Count, c => plain.TryGetValue(c, out var v) ? v : Add(plain, c), out _, out _);
            }

            Console.WriteLine($"    of which decoding with interning: {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
            foreach (var s in stored)
            {
                PreparedForm.TryDecode(s.Prepared, pool.Fingerprint, settings.BlockingRules.Count, settings.Comparisons.Count, c => c.ToString(), out _, out _);
            }

            Console.WriteLine($"    of which decoding without interning: {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        }

        var missing = Enumerable.Range(0, stored.Count).Where(i => !restoredOk[i]).ToList();
        var made = index.Describe([.. missing.Select(i => stored[i].Record)]);
        for (var j = 0; j < missing.Count; j++)
        {
            index.SetFeatures(missing[j], made[j]);
        }

        Console.WriteLine($"  prepare the records without a form ({missing.Count:N0}): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
        var fresh = new PersonIndex(settings, columns);
        var prepareAll = Stopwatch.StartNew();
        fresh.Describe([.. stored.Select(s => s.Record)]);
        Console.WriteLine($"  (for comparison: prepare all {stored.Count:N0} records: {prepareAll.Elapsed.TotalSeconds:F2} s, {Cpu()})");
        var records = new IndexedRecord[stored.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            if (!index.Persons.ContainsKey(stored[i].Link.PersonId))
            {
                index.AddPerson(stored[i].Link.PersonId);
            }

            records[i] = index.Restored(stored[i].Key, stored[i].Document, stored[i].Version, stored[i].Link, i);
        }

        for (var start = 0; start < records.Length; start += 20_000)
        {
            index.AddRange(new ArraySegment<IndexedRecord>(records, start, Math.Min(20_000, records.Length - start)));
        }

        Console.WriteLine($"  index (blocks, identifiers, search keys, frequencies): {step.Elapsed.TotalSeconds:F2} s, {Cpu()}");
    }

    private static string Add(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> value)
    {
        var text = value.ToString();
        lookup.Dictionary[text] = text;
        return text;
    }

    private static async Task TimeAsync(string label, Store store, IdentityManagerOptions options, bool ignorePrepared)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pauses = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        using var manager = new IdentityManager(store, options, TimeProvider.System) { IgnorePreparedForms = ignorePrepared };
        await manager.InitializeAsync();
        Console.WriteLine($"{label}: rebuild {watch.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F2} s, {manager.RecordCount:N0} records ({manager.LastRebuild.Restored:N0} restored, {manager.LastRebuild.Prepared:N0} prepared), {GC.GetTotalMemory(false) / 1048576:N0} MB managed");
    }
}
