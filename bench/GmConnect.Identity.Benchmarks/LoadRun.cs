using System.Diagnostics;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--load POP_DIR STORE</c>: what <c>gmc identity load POP_DIR/records-*.csv --store STORE</c> does (read the CSV files,
/// migrate, <see cref="IdentityManager.LoadAsync"/>: the batch engine over an empty index, then its clusters stored in
/// chunks), timed step by step, without building the whole command-line tool.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string folder, string connectionString)
    {
        var watch = Stopwatch.StartNew();
        var records = new List<IdentityRecord>();
        foreach (var file in Directory.GetFiles(folder, "records-*.csv").Order(StringComparer.Ordinal))
        {
            using var reader = PersonRecordCsvReader.Open(file);
            records.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!.ToIdentityRecord()));
        }

        Console.WriteLine($"read {records.Count:N0} records: {watch.Elapsed.TotalSeconds:F1} s");
        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        using var manager = new IdentityManager(store, new IdentityManagerOptions(), TimeProvider.System);
        await manager.InitializeAsync();
        var step = "";
        var stepStarted = watch.Elapsed;
        var progress = new Progress(p =>
        {
            if (p.Step != step)
            {
                Console.WriteLine($"  {watch.Elapsed.TotalSeconds,7:F1} s: {p.Step} (previous step {(watch.Elapsed - stepStarted).TotalSeconds:F1} s)");
                (step, stepStarted) = (p.Step, watch.Elapsed);
            }
        });
        var result = await manager.LoadAsync(records, false, progress);
        Console.WriteLine($"loaded: {result.Mode}, {result.Records:N0} records, {result.PersonsCreated:N0} persons, {watch.Elapsed.TotalSeconds:F1} s in all (last step {(watch.Elapsed - stepStarted).TotalSeconds:F1} s)");
    }

    private sealed class Progress(Action<BulkLoadProgress> report) : IProgress<BulkLoadProgress>
    {
        public void Report(BulkLoadProgress value) => report(value);
    }
}
