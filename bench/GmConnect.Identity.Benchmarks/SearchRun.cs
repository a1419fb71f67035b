using System.Diagnostics;
using System.Globalization;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// <c>--search STORE CSV N [NAMES]</c>: fuzzy PDQ searches against a large loaded index, in one process, timed and checked.
/// The manager rebuilds from STORE, then N records taken at random (seeded) from CSV (records the store holds) are
/// searched for by family name, given name and birth date, fuzzy, up to 100 results (as the exchange's PDQm asks) — as they are, and with a typical error
/// each: one letter of the family name changed, day and month of birth swapped (only where the day is 12 or less and
/// differs from the month), the given name replaced by a nickname (from NAMES, the shipped variant table, where the
/// name has one), and two errors at once (a typo in the given name and the day and month swapped). For each kind it prints p50/p95/p99 and how often the
/// record's own person is among the results ("found") — a faster search that found fewer people would show here.
/// Nothing is written to the store besides what the manager's start-up writes.
/// </summary>
internal static class SearchRun
{
    public static async Task RunAsync(string connectionString, string csv, int count, string? names)
    {
        var all = new List<IdentityRecord>();
        using (var reader = PersonRecordCsvReader.Open(csv))
        {
            all.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!.ToIdentityRecord()));
        }

        var nicknames = Nicknames(names);
        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        using var manager = new IdentityManager(store, new IdentityManagerOptions(), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await manager.InitializeAsync();
        Console.WriteLine($"start-up (rebuild): {watch.Elapsed.TotalSeconds:F1} s wall; {manager.RecordCount:N0} records");

        var random = new Random(11);
        var picks = Enumerable.Range(0, count).Select(_ => all[random.Next(all.Count)])
            .Where(r => r.FamilyName is not null && r.GivenName is not null && r.DateOfBirth is not null).ToList();
        var kinds = new (string Label, Func<IdentityRecord, DemographicQuery?> Query)[]
        {
            ("as recorded", r => Query(r.FamilyName, r.GivenName, r.DateOfBirth)),
            ("family name typo", r => Query(Typo(r.FamilyName!, random), r.GivenName, r.DateOfBirth)),
            ("day and month swapped", r => Swapped(r.DateOfBirth!.Value) is { } d ? Query(r.FamilyName, r.GivenName, d) : null),
            ("nickname", r => nicknames.TryGetValue(r.GivenName!.ToLowerInvariant(), out var nick) ? Query(r.FamilyName, nick, r.DateOfBirth) : null),
            ("given typo + swapped date", r => Swapped(r.DateOfBirth!.Value) is { } d ? Query(r.FamilyName, Typo(r.GivenName!, random), d) : null),
        };

        // One pass to warm up (JIT, first reads of documents), then the timed passes, kind by kind.
        foreach (var r in picks.Take(50))
        {
            await manager.SearchAsync(Query(r.FamilyName, r.GivenName, r.DateOfBirth));
        }

        foreach (var (label, make) in kinds)
        {
            var latencies = new List<double>();
            int found = 0, results = 0, likely = 0, foundLikely = 0;
            foreach (var r in picks)
            {
                if (make(r) is not { } query)
                {
                    continue;
                }

                var person = (await manager.GetRecordAsync(r.Key))!.PersonId;
                var started = Stopwatch.GetTimestamp();
                var answer = await manager.SearchAsync(query);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                results += answer.Count;
                found += answer.Any(a => a.Record.PersonId == person) ? 1 : 0;
                likely += answer.Count(a => a.Probability >= 0.01);
                foundLikely += answer.Any(a => a.Record.PersonId == person && a.Probability >= 0.01) ? 1 : 0;
            }

            var sorted = latencies.Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fuzzy, {label}: {sorted.Length:N0} searches; p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F1} ms; person found {found:N0} ({100.0 * found / sorted.Length:F1} %); {results / (double)sorted.Length:F1} results per answer; {likely / (double)sorted.Length:F1} of them at p >= 0.01, among which the person {100.0 * foundLikely / sorted.Length:F1} %"));
        }
    }

    private static DemographicQuery Query(string? family, string? given, DateOnly? dob) =>
        new() { FamilyName = family, GivenName = given, DateOfBirth = dob, Mode = SearchMode.Fuzzy, Limit = 100 };

    private static DateOnly? Swapped(DateOnly d) =>
        d.Day <= 12 && d.Day != d.Month && DateOnly.TryParseExact($"{d.Year:D4}-{d.Day:D2}-{d.Month:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;

    /// <summary>One letter (not the first) replaced by another.</summary>
    private static string Typo(string name, Random random)
    {
        if (name.Length < 3)
        {
            return name + "e";
        }

        var chars = name.ToCharArray();
        var at = 1 + random.Next(chars.Length - 1);
        var letter = (char)('a' + random.Next(26));
        chars[at] = letter == char.ToLowerInvariant(chars[at]) ? (letter == 'z' ? 'a' : (char)(letter + 1)) : letter;
        return new string(chars);
    }

    /// <summary>Per name, its first nickname in the variant table (origin "nicknames").</summary>
    private static Dictionary<string, string> Nicknames(string? path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null)
        {
            return map;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length == 3 && parts[2] == "nicknames")
            {
                map.TryAdd(parts[0], parts[1]);
            }
        }

        return map;
    }
}
