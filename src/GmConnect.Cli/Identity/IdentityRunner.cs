using System.Globalization;
using GmConnect.Cli.Terminal;
using GmConnect.Identity;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Integration.PersonRecords;
using GmConnect.Storage;

namespace GmConnect.Cli.Identity;

/// <summary>The work behind <c>gmc identity …</c>: open the store, rebuild the index, act, print keys and counts.</summary>
internal static class IdentityRunner
{
    public static async Task<int> LoadAsync(FileInfo[] files, string connectionString, bool rebatch, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = files.Where(f => !f.Exists).ToList();
        if (missing.Count > 0)
        {
            await error.WriteLineAsync($"No such file: {string.Join(", ", missing.Select(f => f.FullName))}");
            return 2;
        }

        var records = new List<IdentityRecord>();
        var rejected = 0;
        foreach (var file in files)
        {
            using var reader = PersonRecordCsvReader.Open(file.FullName);
            foreach (var row in reader.ReadRows())
            {
                if (row.Record is { } r)
                {
                    records.Add(r.ToIdentityRecord());
                }
                else
                {
                    rejected++;
                }
            }
        }

        return await WithManagerAsync(connectionString, error, async manager =>
        {
            var line = ProgressLine.For(output, TimeProvider.System);
            var result = await manager.LoadAsync(records, rebatch, new SynchronousProgress<BulkLoadProgress>(p =>
                line.Report(string.Create(CultureInfo.InvariantCulture, $"{p.Step}: {ProgressLine.Bar(p.Total == 0 ? 0 : (double)p.Done / p.Total)} {(p.Step is "matching" or "storing" ? $"{p.Done:N0}/{p.Total:N0} records" : "")}"))), cancellationToken);
            line.Done();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Mode}: {result.Records:N0} records ({rejected:N0} rows rejected by the CSV reader), {result.New:N0} new, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged; {result.Linked:N0} linked, {result.PersonsCreated:N0} persons founded, {result.ReviewsOpened:N0} review tasks opened"));
            if (rebatch)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"re-run of the batch model: {result.Rebatched:N0} records moved, {result.PersonIdsKept:N0} person ids kept"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"index: {manager.RecordCount:N0} records; model {result.ModelVersion} ({manager.ModelOrigin})"));
            return rejected > 0 ? 1 : 0;
        });
    }

    public static Task<int> ReviewListAsync(string connectionString, ReviewStatus status, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        WithManagerAsync(connectionString, error, async manager =>
        {
            var tasks = await manager.ListReviewTasksAsync(status, Math.Max(1, limit), cancellationToken);
            await output.WriteLineAsync("task\trecord\tcandidate\tprobability\topened");
            foreach (var task in tasks)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{task.Id}\t{task.Record.Record.Key}\t{task.Candidate.Record.Key}\t{task.Probability:0.0000}\t{task.OpenedAt:yyyy-MM-ddTHH:mm:ssZ}"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tasks.Count} {status.ToString().ToLowerInvariant()} task(s)"));
            return 0;
        });

    public static Task<int> ReviewShowAsync(string connectionString, long id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        WithManagerAsync(connectionString, error, async manager =>
        {
            var task = await manager.GetReviewTaskAsync(id, cancellationToken)
                ?? throw new IdentityException(IdentityError.NotFound, $"No review task {id}.");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"task {task.Id} ({task.Status.ToString().ToLowerInvariant()}), probability {task.Probability:0.0000}"));
            await output.WriteLineAsync($"{"",-14}{"record",-34}candidate");
            foreach (var (name, left, right) in Fields(task.Record, task.Candidate))
            {
                await output.WriteLineAsync($"{name,-14}{left,-34}{right}");
            }

            await output.WriteLineAsync(task.ExplanationJson);
            return 0;
        });

    public static Task<int> ReviewDecideAsync(string connectionString, long id, bool same, bool notSame, StewardAction action, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (same == notSame)
        {
            error.WriteLine("Give exactly one of --same or --not-same.");
            return Task.FromResult(2);
        }

        return WithManagerAsync(connectionString, error, async manager =>
        {
            var task = await manager.DecideReviewAsync(id, same ? ReviewDecision.SamePerson : ReviewDecision.NotSamePerson, action, cancellationToken);
            var record = await manager.GetRecordAsync(task.Record.Record.Key, cancellationToken);
            await output.WriteLineAsync($"task {task.Id}: {task.Decision} by {task.DecidedBy}; record {task.Record.Record.Key} is with person {record!.PersonId}");
            return 0;
        });
    }

    public static Task<int> MergeAsync(string connectionString, string survivor, string merged, StewardAction action, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        WithManagerAsync(connectionString, error, async manager =>
        {
            var entry = await manager.MergeAsync(survivor, merged, action, cancellationToken);
            var person = await manager.GetPersonAsync(survivor, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"merged {merged} into {survivor}: history {entry.Sequence}; {survivor} now has {person!.Records.Count} records (undo: gmc identity unmerge {entry.Sequence})"));
            return 0;
        });

    public static Task<int> UnmergeAsync(string connectionString, long sequence, StewardAction action, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        WithManagerAsync(connectionString, error, async manager =>
        {
            var entry = await manager.UnmergeAsync(sequence, action, cancellationToken);
            var survivor = await manager.GetPersonAsync(entry.PersonId, cancellationToken);
            var restored = await manager.GetPersonAsync(entry.OtherPersonId!, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"undid merge {sequence}: history {entry.Sequence}; {entry.PersonId} has {survivor!.Records.Count} records, {entry.OtherPersonId} has {restored!.Records.Count} records"));
            return 0;
        });

    public static Task<int> HistoryAsync(string connectionString, string personId, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        WithManagerAsync(connectionString, error, async manager =>
        {
            var history = await manager.HistoryAsync(personId, cancellationToken);
            await output.WriteLineAsync("seq\tat\tkind\tperson\tother\trecord\tby\treason");
            foreach (var h in history)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{h.Sequence}\t{h.At:yyyy-MM-ddTHH:mm:ssZ}\t{h.Kind}\t{h.PersonId}\t{h.OtherPersonId}\t{h.Record}\t{h.By}\t{h.Reason}"));
            }

            return 0;
        });

    private static async Task<int> WithManagerAsync(string connectionString, TextWriter error, Func<IdentityManager, Task<int>> act)
    {
        await using var store = Store.Open(connectionString);
        await new MigrationRunner(store, [IdentityMigrations.Source], TimeProvider.System).MigrateAsync();
        using var manager = new IdentityManager(store, new IdentityManagerOptions(), TimeProvider.System);
        try
        {
            return await act(manager);
        }
        catch (IdentityException e)
        {
            await error.WriteLineAsync(e.Message);
            return e.Error == IdentityError.NotFound ? 3 : 1;
        }
    }

    private static IEnumerable<(string Name, string? Left, string? Right)> Fields(LinkedRecord a, LinkedRecord b)
    {
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (x, y) = (a.Record, b.Record);
        yield return ("key", x.Key.ToString(), y.Key.ToString());
        yield return ("person", a.PersonId, b.PersonId);
        yield return ("nhs_number", x.NhsNumber, y.NhsNumber);
        yield return ("upn", x.Upn, y.Upn);
        yield return ("nino", x.Nino, y.Nino);
        yield return ("pnc_id", x.PncId, y.PncId);
        yield return ("given_name", x.GivenName, y.GivenName);
        yield return ("middle_names", x.MiddleNames, y.MiddleNames);
        yield return ("family_name", x.FamilyName, y.FamilyName);
        yield return ("sex", x.Sex, y.Sex);
        yield return ("date_of_birth", Day(x.DateOfBirth), Day(y.DateOfBirth));
        yield return ("postcode", x.Postcode, y.Postcode);
        yield return ("phone", x.Phone, y.Phone);
        yield return ("email", x.Email, y.Email);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
