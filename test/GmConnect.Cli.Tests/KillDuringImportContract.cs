using System.Diagnostics;
using System.Globalization;
using System.Text;
using GmConnect.Storage;
using GmConnect.Storage.Testing;

namespace GmConnect.Cli.Tests;

/// <summary>
/// kill -9 during an import: <c>gmc import</c> runs as a child process on a large generated file and is killed
/// (whole process tree) once its first checkpoint is committed; a second run must resume and leave every row in
/// exactly once — none lost, none doubled in the landing table, the change feed, the pointers or the outbox.
/// </summary>
public abstract class KillDuringImportContract(StoreProvider provider) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gmc-kill-");
    private TestStore _test = null!;
    private string? _lastPollError;
    private readonly List<string> _polls = [];

    public async ValueTask InitializeAsync() => _test = await TestStore.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Import_PersonRecordsKilledAfterFirstCheckpoint_RerunLeavesEveryRowExactlyOnce()
    {
        const int rows = 60_000;
        var path = Path.Combine(_folder.FullName, "records.csv");
        var text = new StringBuilder("source,record_id,given_name,family_name,sex,date_of_birth\n");
        var bad = 0;
        for (var i = 1; i <= rows; i++)
        {
            var sex = i % 997 == 0 ? "Q" : "F";
            bad += sex == "Q" ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"gp:K1,{i},Given{i},Family{i % 500},{sex},2010-01-{1 + (i % 28):00}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);

        await KillAfterFirstCheckpointAsync(path, firstCheckpointAbove: 1);
        var (exit, output) = await GmcAsync(path);

        Assert.Equal(0, exit);
        Assert.Contains("resumed batch 1", output, StringComparison.Ordinal);
        Assert.Equal(rows - bad, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));
        Assert.Equal(rows - bad, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM (SELECT source, record_id FROM integration_change GROUP BY source, record_id HAVING COUNT(*) > 1) d"));
        Assert.Equal(bad, await ScalarAsync("SELECT COUNT(*) FROM integration_rejected_row"));
        Assert.Equal((long)rows - bad, await ScalarAsync("SELECT rows_accepted FROM integration_import_batch"));
    }

    [Fact]
    public async Task Import_FhirNdjsonKilledAfterFirstCheckpoint_RerunLeavesEveryPatientAndPointerExactlyOnce()
    {
        const int lines = 16_000;
        var path = Path.Combine(_folder.FullName, "la352.ndjson");
        var text = new StringBuilder();
        int patients = 0, pointers = 0, bad = 0;
        for (var i = 1; i <= lines; i++)
        {
            if (i % 40 == 0)
            {
                pointers++;
                text.Append(CultureInfo.InvariantCulture, $$$"""{"resourceType":"DocumentReference","masterIdentifier":{"system":"urn:test:la352","value":"cpp-{{{i}}}"},"status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan"}]},"subject":{"identifier":{"system":"urn:gmconnect:source:dfe:352","value":"c{{{i - 1}}}"}},"content":[{"attachment":{"contentType":"text/plain","url":"https://la352.example/plans/{{{i}}}"}}]}""");
            }
            else if (i % 501 == 0)
            {
                bad++;
                text.Append(CultureInfo.InvariantCulture, $$"""{"resourceType":"Patient","id":"c{{i}}","gender":"female","birthDate":"2014-05"}""");
            }
            else
            {
                patients++;
                text.Append(CultureInfo.InvariantCulture, $$"""{"resourceType":"Patient","id":"c{{i}}","name":[{"family":"F{{i % 300}}","given":["G{{i}}"]}],"gender":"female","birthDate":"2014-05-06"}""");
            }

            text.Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);

        await KillAfterFirstCheckpointAsync(path, firstCheckpointAbove: 0, "--as", "dfe:352");
        var (exit, output) = await GmcAsync(path, "--as", "dfe:352");

        Assert.Equal(0, exit);
        Assert.Contains("resumed batch 1", output, StringComparison.Ordinal);
        Assert.Equal(patients, await ScalarAsync("SELECT COUNT(*) FROM integration_person_record"));
        Assert.Equal(patients, await ScalarAsync("SELECT COUNT(*) FROM integration_change"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM (SELECT source, record_id FROM integration_change GROUP BY source, record_id HAVING COUNT(*) > 1) d"));
        Assert.Equal(pointers, await ScalarAsync("SELECT COUNT(*) FROM loc_pointer"));
        Assert.Equal(pointers, await ScalarAsync("SELECT COUNT(DISTINCT master_id) FROM loc_pointer"));
        Assert.Equal(pointers, await ScalarAsync("SELECT COUNT(*) FROM notif_event"));
        Assert.Equal(pointers, await ScalarAsync("SELECT COUNT(*) FROM integration_fhir_resource"));
        Assert.Equal(bad, await ScalarAsync("SELECT COUNT(*) FROM integration_rejected_row"));
    }

    /// <summary>Starts gmc, waits until the batch's checkpoint passes <paramref name="firstCheckpointAbove"/>, and kills it.</summary>
    private async Task KillAfterFirstCheckpointAsync(string path, long firstCheckpointAbove, params string[] more)
    {
        using var process = Process.Start(StartInfo(path, more))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var deadline = Stopwatch.StartNew();
        long seen;
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"gmc finished before its first checkpoint was seen (exit {process.ExitCode}): {await error}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "no checkpoint within three minutes");
            seen = await CheckpointAsync();
            _polls.Add($"{deadline.Elapsed.TotalSeconds:0.0}s:{seen}");
            if (seen > firstCheckpointAbove)
            {
                break;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var printed = await output;
        // Killed mid-way: the checkpoint it had reached is committed, the batch is not completed.
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM integration_import_batch WHERE status = 'completed'") == 0,
            $"the import completed before it was killed (checkpoint seen {seen} after {deadline.Elapsed}; last poll error: {_lastPollError}; polls {string.Join(' ', _polls.Distinct().Take(40))}): {printed}");
    }

    private async Task<long> CheckpointAsync()
    {
        try
        {
            return await ScalarAsync("SELECT COALESCE(MAX(lines_done), 0) FROM integration_import_batch");
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            _lastPollError = e.Message;
            return 0; // not migrated yet, or the writer holds the lock for a moment
        }
    }

    private async Task<(int Exit, string Output)> GmcAsync(string path, params string[] more)
    {
        using var process = Process.Start(StartInfo(path, more))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private ProcessStartInfo StartInfo(string path, string[] more)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "gmc.dll"), "import", path, "--store", _test.ConnectionString, .. more])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _test.Store.OpenConnectionAsync();
        return Convert.ToInt64(await connection.Command(sql).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The kill tests run alone: other tests in the same process can starve the thread pool that polls for the
/// checkpoint, and the import would finish before it is seen.
/// </summary>
[CollectionDefinition(nameof(KillDuringImportRunsAlone), DisableParallelization = true)]
public sealed class KillDuringImportRunsAlone;

[Collection(nameof(KillDuringImportRunsAlone))]
public sealed class KillDuringImportSqliteTests() : KillDuringImportContract(StoreProvider.Sqlite);

[Collection(nameof(KillDuringImportRunsAlone))]
public sealed class KillDuringImportPostgresTests() : KillDuringImportContract(StoreProvider.PostgreSql);
