using System.Diagnostics;
using System.Globalization;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--submit STORE CSV N [BATCH [QUERIES]]</c>: the Identity Manager against a large loaded index, in one process.
/// (1) The manager rebuilds from STORE (start-up: wall, CPU, GC pauses). (2) N records taken evenly from CSV (a demo
/// population's records file) under new keys (source <c>bench-RUN:</c> + the source) are submitted one at a time, each
/// <see cref="IdentityManager.SubmitAsync"/> timed end to end (blocking-index candidates, scoring, guards, one
/// transaction). (3) With BATCH &gt; 1, N more such copies (under other keys) go through
/// <see cref="IdentityManager.SubmitBatchAsync"/> in batches of BATCH: records per second, and each batch timed.
/// (4) With QUERIES &gt; 0, that many PIX look-ups (a source key resolved to its person, whose identifiers are the
/// answer) and as many exact PDQ searches (family, given, birth date of a record) and fuzzy ones, one at a time, each
/// timed — the manager's share of a PIXm/PDQm call, without HTTP, Governance or audit.
/// The copies are people the index knows, as most new records are. They stay in the store.
/// </summary>
internal static class SubmitRun
{
    public static async Task RunAsync(string connectionString, string csv, int count, int batch = 1, int queries = 0)
    {
        var all = new List<IdentityRecord>();
        using (var reader = PersonRecordCsvReader.Open(csv))
        {
            all.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!.ToIdentityRecord()));
        }

        var run = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var step = Math.Max(1, all.Count / count);
        List<IdentityRecord> Copies(string tag) =>
            [.. Enumerable.Range(0, Math.Min(count, all.Count)).Select(i => all[i * step] with { Source = $"bench-{run}{tag}:{all[i * step].Source}" })];

        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        using var manager = new IdentityManager(store, new IdentityManagerOptions(), TimeProvider.System);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pauses = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        await manager.InitializeAsync();
        Console.WriteLine($"start-up (rebuild): {watch.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F1} s; {manager.RecordCount:N0} records ({manager.LastRebuild.Restored:N0} restored, {manager.LastRebuild.Prepared:N0} prepared); model {manager.ModelVersion} ({manager.ModelOrigin})");

        var sample = Copies("");
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

        Console.WriteLine($"one at a time: {sample.Count:N0} submits in {watch.Elapsed.TotalSeconds:F1} s ({sample.Count / watch.Elapsed.TotalSeconds:F0}/s); per record {Percentiles(latencies)}");
        Console.WriteLine("  decisions: " + Decisions(decisions));

        if (batch > 1)
        {
            var copies = Copies("b");
            var batches = copies.Chunk(batch).ToList();
            var perBatch = new double[batches.Count];
            decisions.Clear();
            watch.Restart();
            for (var b = 0; b < batches.Count; b++)
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var outcome in await manager.SubmitBatchAsync(batches[b]))
                {
                    decisions[outcome.Decision] = decisions.GetValueOrDefault(outcome.Decision) + 1;
                }

                perBatch[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Console.WriteLine($"in batches of {batch}: {copies.Count:N0} records in {watch.Elapsed.TotalSeconds:F1} s (**{copies.Count / watch.Elapsed.TotalSeconds:F0} records/s**); per batch {Percentiles(perBatch)}");
            Console.WriteLine("  decisions: " + Decisions(decisions));
        }

        if (queries > 0)
        {
            var random = new Random(7);
            var picks = Enumerable.Range(0, queries).Select(_ => all[random.Next(all.Count)]).ToList();
            await TimeAsync("PIX (source key → person → identifiers)", picks, async r =>
            {
                var person = await manager.ResolveAsync(IdentifierSystems.ForSource(r.Source), r.RecordId);
                return person?.Records.Count ?? 0;
            });
            await TimeAsync("PDQ exact (family, given, birth date)", picks, async r =>
                (await manager.SearchAsync(new DemographicQuery { FamilyName = r.FamilyName, GivenName = r.GivenName, DateOfBirth = r.DateOfBirth })).Count);
            await TimeAsync("PDQ fuzzy (family, given, birth date)", picks, async r =>
                (await manager.SearchAsync(new DemographicQuery { FamilyName = r.FamilyName, GivenName = r.GivenName, DateOfBirth = r.DateOfBirth, Mode = SearchMode.Fuzzy })).Count);
        }
    }

    private static async Task TimeAsync(string label, List<IdentityRecord> picks, Func<IdentityRecord, Task<int>> query)
    {
        var latencies = new double[picks.Count];
        long found = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < picks.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            found += await query(picks[i]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Console.WriteLine($"{label}: {picks.Count:N0} in {watch.Elapsed.TotalSeconds:F1} s; {Percentiles(latencies)}; {found / (double)picks.Count:F1} records per answer");
    }

    private static string Percentiles(double[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F1} ms";
    }

    private static string Decisions(Dictionary<MatchDecision, int> decisions) =>
        string.Join(", ", decisions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value:N0}"));
}
