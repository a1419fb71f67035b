using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Tokens;
using GmConnect.Storage;
using GmConnect.Storage.Testing;

namespace GmConnect.Cli.Tests;

/// <summary>
/// kill -9 during a search load: the exchange runs as a child process on a small generated population; consumers
/// search for people by NHS number (each search is audited) while a producer publishes pointers. Once enough of both
/// are acknowledged the server is killed (whole process tree). Every acknowledged write must then be in the store:
/// each pointer answered 201, each audit entry of a search or publish answered 200/201 (found by its X-Request-ID),
/// and the audit trail's hash chain still verifies.
/// </summary>
public abstract class KillDuringSearchLoadContract(StoreProvider provider) : IAsyncLifetime
{
    private const string PointerJson =
        """{"resourceType":"DocumentReference","status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan"}]},"subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"NHS"}},"author":[{"identifier":{"value":"team-north"}}],"content":[{"attachment":{"contentType":"application/pdf","url":"https://records.example/cpp/N"}}],"context":{"period":{"start":"2026-03-01"}}}""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gmc-kill-search-");
    private TestStore _test = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _test = await TestStore.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Server_KilledDuringSearchesAndPublishes_EveryAcknowledgedWriteIsInTheStore()
    {
        var port = FreePort();
        var keyFile = Path.Combine(_folder.FullName, "token-key.pem");
        using var issuer = DevelopmentTokenIssuer.LoadOrCreate(keyFile, TimeProvider.System);
        var demo = Path.Combine(_folder.FullName, "demo");
        using var server = Process.Start(ServerStartInfo(port, keyFile, demo))!;
        var serverOutput = new StringBuilder();
        server.OutputDataReceived += (_, e) => { lock (serverOutput) { serverOutput.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (serverOutput) { serverOutput.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var police = issuer.Issue("demo-officer-06", "police:06", "police-officer", Purpose.Safeguarding, TimeSpan.FromMinutes(30));
            var producer = issuer.Issue("demo-sw-352", "dfe:352", "social-worker", Purpose.Safeguarding, TimeSpan.FromMinutes(30));
            var nhsNumbers = await ReadyAsync(server, http, producer, demo, serverOutput);

            var searches = new ConcurrentBag<string>();
            var publishes = new ConcurrentBag<(string RequestId, string PointerId)>();
            var failures = 0;
            var next = 0;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            async Task LoopAsync(bool publish)
            {
                var random = new Random(Interlocked.Increment(ref next));
                while (!stop.IsCancellationRequested)
                {
                    var nhs = nhsNumbers[random.Next(nhsNumbers.Count)];
                    var requestId = (publish ? "kp-" : "ks-") + Guid.NewGuid().ToString("N");
                    using var request = publish
                        ? new HttpRequestMessage(HttpMethod.Post, "/fhir/DocumentReference")
                        {
                            Content = new StringContent(PointerJson.Replace("NHS", nhs, StringComparison.Ordinal).Replace("cpp/N", "cpp/" + requestId, StringComparison.Ordinal), Encoding.UTF8, "application/fhir+json"),
                        }
                        : new HttpRequestMessage(HttpMethod.Post, "/fhir/DocumentReference/_search")
                        {
                            Content = new FormUrlEncodedContent([new("subject:identifier", "https://fhir.nhs.uk/Id/nhs-number|" + nhs)]),
                        };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", publish ? producer : police);
                    request.Headers.Add("X-Request-ID", requestId);
                    try
                    {
                        using var response = await http.SendAsync(request, stop.Token);
                        var body = await response.Content.ReadAsStringAsync(stop.Token);
                        if (publish && response.StatusCode == HttpStatusCode.Created)
                        {
                            publishes.Add((requestId, JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!));
                        }
                        else if (!publish && response.StatusCode == HttpStatusCode.OK)
                        {
                            searches.Add(requestId);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TaskCanceledException)
                    {
                        // Refused or cut off by the kill (or the stop): not acknowledged, so nothing is owed.
                        Interlocked.Increment(ref failures);
                        if (stop.IsCancellationRequested || server.HasExited)
                        {
                            return;
                        }
                    }
                }
            }

            var load = new[] { LoopAsync(false), LoopAsync(false), LoopAsync(false), LoopAsync(true), LoopAsync(true) };
            var waited = Stopwatch.StartNew();
            while ((searches.Count < 200 || publishes.Count < 60) && waited.Elapsed < TimeSpan.FromMinutes(3) && !server.HasExited)
            {
                await Task.Delay(20, Ct);
            }

            Assert.False(server.HasExited, "the server stopped by itself during the load");
            Assert.True(searches.Count >= 200 && publishes.Count >= 60, $"too little was acknowledged in three minutes: {searches.Count} searches, {publishes.Count} pointers");
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(Ct);
            await Task.WhenAll(load.Select(t => t.WaitAsync(TimeSpan.FromSeconds(60), Ct)));
            await stop.CancelAsync();

            // Every acknowledged pointer is stored, and every acknowledged request is in the audit trail.
            var pointers = await ColumnAsync("SELECT id FROM loc_pointer");
            var audited = await ColumnAsync("SELECT request_id FROM gov_audit WHERE request_id IS NOT NULL");
            var lostPointers = publishes.Count(p => !pointers.Contains(p.PointerId));
            var lostAudit = publishes.Count(p => !audited.Contains(p.RequestId)) + searches.Count(id => !audited.Contains(id));
            Assert.True((lostPointers, lostAudit) == (0, 0),
                $"{lostPointers} of {publishes.Count} acknowledged pointers and {lostAudit} of {publishes.Count + searches.Count} acknowledged audit entries are missing");
            Assert.True(failures > 0, "no request was cut off: the kill did not land during the load");

            // The chain written under load and cut by the kill still verifies.
            var (exit, output, error) = await CliRunner.RunAsync("audit", "verify", "--store", _test.ConnectionString);
            Assert.True(exit == 0, output + error);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Waits until the server answers and the Identity Manager knows the demo people (a publish for one is accepted); their NHS numbers.</summary>
    private static async Task<IReadOnlyList<string>> ReadyAsync(Process server, HttpClient http, string producer, string demo, StringBuilder serverOutput)
    {
        var waited = Stopwatch.StartNew();
        IReadOnlyList<string> numbers = [];
        while (true)
        {
            Assert.False(server.HasExited, $"the server exited while starting: {Tail(serverOutput)}");
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(4), $"the server was not ready in four minutes: {Tail(serverOutput)}");
            if (numbers.Count == 0 && File.Exists(Path.Combine(demo, "summary.json")))
            {
                numbers = NhsNumbers(Path.Combine(demo, "records-socialcare.csv"));
            }

            if (numbers.Count > 0)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/DocumentReference")
                    {
                        Content = new StringContent(PointerJson.Replace("NHS", numbers[0], StringComparison.Ordinal), Encoding.UTF8, "application/fhir+json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", producer);
                    using var response = await http.SendAsync(request, Ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        return numbers;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            await Task.Delay(250, Ct);
        }
    }

    /// <summary>The distinct valid-looking NHS numbers (ten digits) of a demo records file.</summary>
    private static List<string> NhsNumbers(string path)
    {
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), "nhs_number");
        return [.. lines.Skip(1).Select(l => l.Split(',')[column]).Where(n => n.Length == 10 && n.All(char.IsAsciiDigit)).Distinct().Take(200)];
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 3000 ? text[^3000..] : text;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ProcessStartInfo ServerStartInfo(int port, string keyFile, string demo)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "GmConnect.Server.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--Store:ConnectionString={_test.ConnectionString}", $"--Tokens:DevelopmentKeyFile={keyFile}",
            $"--Demo:Directory={demo}", "--Demo:People=300", "--Workbench:SyntheticOnStartup=false", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private async Task<HashSet<string>> ColumnAsync(string sql)
    {
        await using var connection = await _test.Store.OpenConnectionAsync(Ct);
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}

[Collection(nameof(KillDuringImportRunsAlone))]
public sealed class KillDuringSearchLoadSqliteTests() : KillDuringSearchLoadContract(StoreProvider.Sqlite);

[Collection(nameof(KillDuringImportRunsAlone))]
public sealed class KillDuringSearchLoadPostgresTests() : KillDuringSearchLoadContract(StoreProvider.PostgreSql);
