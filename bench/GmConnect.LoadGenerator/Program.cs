using System.Diagnostics;
using System.Globalization;
using GmConnect.Integration.PersonRecords;

// A load generator for the exchange's FHIR API, run as a second process against a running server:
//   dotnet run -c Release --project bench/GmConnect.LoadGenerator -- --url http://127.0.0.1:5080 --token TOKEN \
//     --population src/GmConnect.Server/data/demo --scenario pix|pdqm|fuzzy|match|locator [--clients 16] [--seconds 30] [--warmup 5]
// Each client picks records of the population the server loaded at random (seeded) and asks about them. It prints
// requests, throughput, latency percentiles and the status codes seen; it never prints a record's content.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --url URL --token TOKEN|--token-file FILE --population DIR --scenario pix|pdqm|fuzzy|match|locator [--clients N] [--seconds S] [--warmup S] [--seed N]");
    return 2;
}

var records = new List<PersonRecord>();
foreach (var file in Directory.GetFiles(options.Population, "records-*.csv").Order(StringComparer.Ordinal))
{
    using var reader = PersonRecordCsvReader.Open(file);
    records.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!));
}

if (records.Count == 0)
{
    Console.Error.WriteLine($"No person records under {options.Population}.");
    return 1;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Token);
http.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");

Console.WriteLine($"{records.Count:N0} records; scenario {options.Scenario}; {options.Clients} clients; warm-up {options.Warmup} s, then {options.Seconds} s");
await RunAsync(TimeSpan.FromSeconds(options.Warmup), null);
var latencies = new List<double>[options.Clients];
var statuses = new Dictionary<string, int>[options.Clients];
var watch = Stopwatch.StartNew();
await RunAsync(TimeSpan.FromSeconds(options.Seconds), (latencies, statuses));
var elapsed = watch.Elapsed.TotalSeconds;

var all = latencies.SelectMany(l => l).Order().ToArray();
double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
var codes = statuses.SelectMany(s => s).GroupBy(kv => kv.Key).Select(g => $"{g.Key} {g.Sum(kv => kv.Value):N0}");
Console.WriteLine($"{all.Length:N0} requests in {elapsed:F1} s = {all.Length / elapsed:F0}/s; latency p50 {P(0.5):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {all.LastOrDefault():F1} ms");
Console.WriteLine("status: " + string.Join(", ", codes));
return 0;

async Task RunAsync(TimeSpan duration, (List<double>[] Latencies, Dictionary<string, int>[] Statuses)? results)
{
    var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
    {
        var random = new Random(options.Seed * 1000 + c + (results is null ? 500 : 0));
        var mine = new List<double>();
        var codes = new Dictionary<string, int>();
        while (Stopwatch.GetTimestamp() < until)
        {
            var record = records[random.Next(records.Count)];
            using var request = Requests.For(options.Scenario, record);
            var started = Stopwatch.GetTimestamp();
            string code;
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException e)
            {
                code = e.HttpRequestError.ToString();
            }
            catch (TaskCanceledException)
            {
                code = "timeout";
            }

            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            codes[code] = codes.GetValueOrDefault(code) + 1;
        }

        if (results is { } r)
        {
            r.Latencies[c] = mine;
            r.Statuses[c] = codes;
        }
    })).ToArray();
    await Task.WhenAll(clients);
}

internal static class Requests
{
    public static HttpRequestMessage For(string scenario, PersonRecord r) => scenario switch
    {
        "pix" => new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/$ihe-pix?sourceIdentifier=" + Uri.EscapeDataString($"urn:gmconnect:source:{r.Source}|{r.RecordId}")),
        "pdqm" => new HttpRequestMessage(HttpMethod.Get, "fhir/Patient?" + Query(r, fuzzy: false)),
        "fuzzy" => new HttpRequestMessage(HttpMethod.Get, "fhir/Patient?" + Query(r, fuzzy: true)),
        "locator" => new HttpRequestMessage(HttpMethod.Post, "fhir/DocumentReference/_search")
        {
            Content = new FormUrlEncodedContent([new("subject:identifier", $"urn:gmconnect:source:{r.Source}|{r.RecordId}")]),
        },
        _ => throw new ArgumentException($"Unknown scenario {scenario}.", nameof(scenario)),
    };

    private static string Query(PersonRecord r, bool fuzzy)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("family", r.FamilyName);
        Add("given", r.GivenName);
        Add("birthdate", r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (parts.Count == 0)
        {
            Add("address-postalcode", r.Postcode);
        }

        if (fuzzy)
        {
            parts.Add("_fuzzy-match=true");
        }

        parts.Add("_count=10");
        return string.Join('&', parts);
    }
}

internal sealed record Options(string Url, string Token, string Population, string Scenario, int Clients, int Seconds, int Warmup, int Seed)
{
    public static Options? Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i]] = args[i + 1];
        }

        var token = map.GetValueOrDefault("--token") ?? (map.TryGetValue("--token-file", out var file) ? File.ReadAllText(file).Trim() : null);
        if (!map.TryGetValue("--url", out var url) || token is null || !map.TryGetValue("--population", out var population) || !map.TryGetValue("--scenario", out var scenario))
        {
            return null;
        }

        int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(url.TrimEnd('/') + "/", token, population, scenario, Int("--clients", 16), Int("--seconds", 30), Int("--warmup", 5), Int("--seed", 1));
    }
}
