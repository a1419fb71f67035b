using System.Diagnostics;
using System.Globalization;
using GmConnect.Integration.PersonRecords;

// A load generator for the exchange's FHIR API, run as a second process against a running server:
//   dotnet run -c Release --project bench/GmConnect.LoadGenerator -- --url http://127.0.0.1:5080 --token TOKEN \
//     --population src/GmConnect.Server/data/demo --scenario pix|pdqm|fuzzy|match|locator|submit [--clients 16] [--seconds 30] [--warmup 5]
//     [--batch 100] [--source-prefix la:352:]
// Each client picks records of the population the server loaded at random (seeded) and asks about them. It prints
// requests, throughput, latency percentiles and the status codes seen; it never prints a record's content.
// Scenario submit posts batch Bundles of --batch Patients to $submit-batch: copies of the population's records whose
// source starts with --source-prefix (the caller's organisation must hold that source) under new record ids, so that
// each is a new record of a person the index knows; it also prints records per second. The copies stay in the store.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --url URL --token TOKEN|--token-file FILE --population DIR --scenario pix|pdqm|fuzzy|match|locator|submit [--clients N] [--seconds S] [--warmup S] [--seed N] [--batch N] [--source-prefix P]");
    return 2;
}

var records = new List<PersonRecord>();
foreach (var file in Directory.GetFiles(options.Population, "records-*.csv").Order(StringComparer.Ordinal))
{
    using var reader = PersonRecordCsvReader.Open(file);
    records.AddRange(reader.ReadRows().Where(r => r.Record is not null).Select(r => r.Record!));
}

if (options.Scenario == "submit")
{
    records = [.. records.Where(r => r.Source.StartsWith(options.SourcePrefix, StringComparison.Ordinal))];
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
if (options.Scenario == "submit")
{
    var ok = statuses.SelectMany(s => s).Where(kv => kv.Key == "200").Sum(kv => kv.Value);
    Console.WriteLine($"records submitted in answered batches (200): {ok * options.Batch:N0} = {ok * options.Batch / elapsed:F0} records/s (batches of {options.Batch})");
}

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
            using var request = options.Scenario == "submit"
                ? Requests.Submit([.. Enumerable.Range(0, options.Batch).Select(_ => records[random.Next(records.Count)])], $"lg{options.Seed}-{c}-{(results is null ? "w" : "m")}-{mine.Count}-", options.Run)
                : Requests.For(options.Scenario, record);
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
    /// <summary>A batch Bundle of the records as Patients under new record ids (<paramref name="prefix"/> + the run + the position).</summary>
    public static HttpRequestMessage Submit(IReadOnlyList<PersonRecord> batch, string prefix, string run)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resourceType", "Bundle");
            json.WriteString("type", "batch");
            json.WriteStartArray("entry");
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch[i];
                json.WriteStartObject();
                json.WriteStartObject("resource");
                json.WriteString("resourceType", "Patient");
                json.WriteStartArray("identifier");
                Identifier(json, "urn:gmconnect:source:" + r.Source, $"{prefix}{run}-{i}");
                Identifier(json, "https://fhir.nhs.uk/Id/nhs-number", r.NhsNumber);
                json.WriteEndArray();
                if (r.FamilyName is not null || r.GivenName is not null)
                {
                    json.WriteStartArray("name");
                    json.WriteStartObject();
                    if (r.FamilyName is not null)
                    {
                        json.WriteString("family", r.FamilyName);
                    }

                    // FHIR JSON has no empty arrays: a record without a given name has no "given".
                    var givens = new[] { r.GivenName, r.MiddleNames }.Where(g => !string.IsNullOrWhiteSpace(g)).ToList();
                    if (givens.Count > 0)
                    {
                        json.WriteStartArray("given");
                        givens.ForEach(json.WriteStringValue);
                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                if (r.Sex is "M" or "F" or "U")
                {
                    json.WriteString("gender", r.Sex switch { "M" => "male", "F" => "female", _ => "unknown" });
                }

                if (r.DateOfBirth is { } born)
                {
                    json.WriteString("birthDate", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (r.Postcode is not null || r.Address is not null)
                {
                    json.WriteStartArray("address");
                    json.WriteStartObject();
                    if (r.Address is not null)
                    {
                        json.WriteString("text", r.Address);
                    }

                    if (r.Postcode is not null)
                    {
                        json.WriteString("postalCode", r.Postcode);
                    }

                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json");
        return new HttpRequestMessage(HttpMethod.Post, "fhir/Patient/$submit-batch") { Content = content };
    }

    private static void Identifier(System.Text.Json.Utf8JsonWriter json, string system, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString("system", system);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

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

internal sealed record Options(string Url, string Token, string Population, string Scenario, int Clients, int Seconds, int Warmup, int Seed, int Batch, string SourcePrefix, string Run)
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
        // The run tag keeps record ids new from one run to the next (the submitted copies stay in the store).
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Options(url.TrimEnd('/') + "/", token, population, scenario, Int("--clients", 16), Int("--seconds", 30), Int("--warmup", 5), Int("--seed", 1),
            Int("--batch", 100), map.GetValueOrDefault("--source-prefix", "la:352:"), run);
    }
}
