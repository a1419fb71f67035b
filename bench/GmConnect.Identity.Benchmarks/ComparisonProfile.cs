using System.Diagnostics;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Benchmarks;

/// <summary>Times each comparison of a settings file over random pairs of a FEBRL file.</summary>
internal static class ComparisonProfile
{
    /// <summary>Times preparing each comparison alone on a stand-in population of <paramref name="people"/>.</summary>
    public static void Prepare(int people, string settingsPath)
    {
        var settings = LinkageSettings.Load(settingsPath);
        var (table, _) = new SyntheticPeople(seed: 1).Generate(people, out _);
        PreparedRecords.Prepare(settings with { Comparisons = [settings.Comparisons[0]], BlockingRules = [[settings.Comparisons[0].Name]] }, table);
        foreach (var comparison in settings.Comparisons)
        {
            var one = settings with { Comparisons = [comparison], BlockingRules = [[comparison.Name]] };
            var watch = Stopwatch.StartNew();
            PreparedRecords.Prepare(one, table);
            Console.WriteLine($"{comparison.Name,-16} {watch.Elapsed.TotalMilliseconds,8:F0} ms for {table.Count:N0} records");
        }
    }

    public static void Run(string csv, string settingsPath)
    {
        var settings = LinkageSettings.Load(settingsPath);
        var records = PreparedRecords.Prepare(settings, BenchData.ReadFebrl(csv));
        var random = new Random(1);
        var pairs = Enumerable.Range(0, 200_000).Select(_ => (random.Next(records.Count), random.Next(records.Count))).ToArray();
        foreach (var comparison in records.Comparisons)
        {
            var sink = 0;
            foreach (var (a, b) in pairs.Take(20_000))
            {
                sink += comparison.Level(records.Columns, a, b);
            }

            var watch = Stopwatch.StartNew();
            foreach (var (a, b) in pairs)
            {
                sink += comparison.Level(records.Columns, a, b);
            }

            Console.WriteLine($"{comparison.Name,-16} {watch.Elapsed.TotalMilliseconds * 1e6 / pairs.Length,8:F0} ns/pair (checksum {sink})");
        }
    }
}
