using System.Diagnostics;
using System.Globalization;
using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--index POP_DIR [STORE]</c>: the Identity Manager on a demo population (<c>gmc demo population</c>). (1) The batch
/// engine links every record (the reference) and its model is kept; (2) a fresh index takes that model and receives
/// every record one at a time, in file order, timing each submit end to end (match + store); (3) a second manager
/// rebuilds the index from the store; (4) pairwise precision and recall of both clusterings against the truth.
/// STORE defaults to a temporary SQLite file.
/// </summary>
internal static class IndexRun
{
    public static async Task RunAsync(string folder, string? connectionString)
    {
        var records = new List<IdentityRecord>();
        foreach (var file in Directory.GetFiles(folder, "records-*.csv").Order(StringComparer.Ordinal))
        {
            using var reader = PersonRecordCsvReader.Open(file);
            records.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!.ToIdentityRecord()));
        }

        var truth = File.ReadLines(Path.Combine(folder, "truth.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => new SourceRecordKey(f[0], f[1]), f => f[2]);
        Console.WriteLine($"{records.Count:N0} records, {truth.Values.Distinct().Count():N0} people");

        var temp = connectionString is null ? Directory.CreateTempSubdirectory("gmc-idx-") : null;
        connectionString ??= $"Data Source={Path.Combine(temp!.FullName, "index.db")}";
        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        var options = new IdentityManagerOptions();
        using var manager = new IdentityManager(store, options, TimeProvider.System);

        // (1) The batch engine over everything: the reference and the model.
        var watch = Stopwatch.StartNew();
        var table = new RecordTable(["source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name", "sex", "date_of_birth", "postcode", "phone", "email"]);
        foreach (var r in records)
        {
            table.Add(r.Source, r.RecordId, [r.Source, r.RecordId, r.NhsNumber, r.Upn, r.Nino, r.PncId, r.GivenName, r.MiddleNames, r.FamilyName, r.Sex,
                r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Postcode, r.Phone, r.Email]);
        }

        var batch = new LinkageEngine(manager.Settings).Run(table, new LinkageOptions { Threshold = options.UpperThreshold });
        Console.WriteLine($"batch engine: {watch.Elapsed.TotalSeconds:F1} s, {batch.Clustering.ClusterCount:N0} clusters");
        var truthOf = records.Select(r => truth.GetValueOrDefault(r.Key)).ToList();
        var sources = records.Select(r => r.Source).ToList();
        var batchEval = LinkageEvaluation.Evaluate(truthOf, batch.Clustering.ClusterOf, sources, false, []);

        // (2) Real time, record by record, with the batch model.
        await manager.AdoptModelAsync(batch.Model, "batch", records.Count, CancellationToken.None);
        var latencies = new double[records.Count];
        watch.Restart();
        var decisions = new Dictionary<MatchDecision, int>();
        for (var i = 0; i < records.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await manager.SubmitAsync(records[i]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            decisions[outcome.Decision] = decisions.GetValueOrDefault(outcome.Decision) + 1;
            if ((i + 1) % 5000 == 0)
            {
                Console.WriteLine($"  {i + 1:N0} submitted, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }

        var total = watch.Elapsed;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        Console.WriteLine($"real time: {records.Count:N0} submits in {total.TotalSeconds:F1} s ({records.Count / total.TotalSeconds:F0}/s); per record p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine("  decisions: " + string.Join(", ", decisions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value:N0}")));

        // (3) Rebuild from the store.
        using var second = new IdentityManager(store, options, TimeProvider.System);
        watch.Restart();
        await second.InitializeAsync();
        Console.WriteLine($"rebuild from the store: {watch.Elapsed.TotalSeconds:F2} s for {second.RecordCount:N0} records");

        // (4) Accuracy against the truth: pairs within clusters.
        var personIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterOf = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var person = (await second.GetRecordAsync(records[i].Key))!.PersonId;
            clusterOf[i] = personIds.TryGetValue(person, out var n) ? n : personIds[person] = personIds.Count;
        }

        var realEval = LinkageEvaluation.Evaluate(truthOf, clusterOf, sources, false, []);
        var reviews = await second.ListReviewTasksAsync(ReviewStatus.Open, 1_000_000);
        Console.WriteLine($"pairwise (within clusters)  batch: precision {batchEval.ClusterPairs.Precision:P2} recall {batchEval.ClusterPairs.Recall:P2}   real time: precision {realEval.ClusterPairs.Precision:P2} recall {realEval.ClusterPairs.Recall:P2}; {reviews.Count:N0} review tasks open");
        if (temp is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            temp.Delete(recursive: true);
        }
    }
}
