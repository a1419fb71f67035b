using System.Diagnostics;
using System.Globalization;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--submit STORE CSV N</c>: one record matched and stored end to end against a large loaded index. The manager rebuilds
/// from STORE, then receives N records taken evenly from CSV (a demo population's records file) under new keys (source
/// <c>bench-RUN:</c> + the source), one at a time; each <see cref="IdentityManager.SubmitAsync"/> is timed (blocking-index
/// candidates, scoring, guards, one transaction). The copies are people the index knows, as most new records are.
/// They stay in the store.
/// </summary>
internal static class SubmitRun
{
    public static async Task RunAsync(string connectionString, string csv, int count)
    {
        var all = new List<IdentityRecord>();
        using (var reader = PersonRecordCsvReader.Open(csv))
        {
            all.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!.ToIdentityRecord()));
        }

        var run = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var step = Math.Max(1, all.Count / count);
        var sample = Enumerable.Range(0, Math.Min(count, all.Count)).Select(i => all[i * step] with { Source = $"bench-{run}:{all[i * step].Source}" }).ToList();

        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        using var manager = new IdentityManager(store, new IdentityManagerOptions(), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await manager.InitializeAsync();
        Console.WriteLine($"rebuild: {watch.Elapsed.TotalSeconds:F1} s, {manager.RecordCount:N0} records ({manager.LastRebuild.Restored:N0} restored, {manager.LastRebuild.Prepared:N0} prepared)");

        var latencies = new double[sample.Count];
        var decisions = new Dictionary<MatchDecision, int>();
        watch.Restart();
        for (var i = 0; i < sample.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await manager.SubmitAsync(sample[i]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            decisions[outcome.Decision] = decisions.GetValueOrDefault(outcome.Decision) + 1;
        }

        var total = watch.Elapsed;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        Console.WriteLine($"{sample.Count:N0} submits in {total.TotalSeconds:F1} s ({sample.Count / total.TotalSeconds:F0}/s, one at a time); per record p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine("  decisions: " + string.Join(", ", decisions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value:N0}")));
    }
}
