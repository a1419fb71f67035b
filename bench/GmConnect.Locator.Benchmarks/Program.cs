using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GmConnect.Governance;
using GmConnect.Governance.Decisions;
using GmConnect.Identity.Manager;
using GmConnect.Locator;
using GmConnect.Locator.Benchmarks;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.Storage;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Consumer search end to end (identifier resolution, store query, Governance filtering, audit append), p50/p99.
// dotnet run -c Release --project bench/GmConnect.Locator.Benchmarks -- [--people N] [--per-person K] [--searches S] [--postgres CONNSTRING]
var people = Arg("--people", 20_000);
var perPerson = Arg("--per-person", 4);
var searches = Arg("--searches", 2_000);
var postgres = Value("--postgres");
var root = FindRepositoryRoot();

var (store, cleanup) = postgres is null ? Sqlite() : await PostgresAsync(postgres);
var identity = new BenchIdentity();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton(store);
services.AddSingleton<IIdentityManager>(identity);
services.AddGovernance(o => o.ConfigDirectory = Path.Combine(root, "configs", "governance"));
services.AddLocator(o => o.RecordTypesFile = Path.Combine(root, "configs", "locator", "record-types.json"));
await using var provider = services.BuildServiceProvider();
await new MigrationRunner(store, provider.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync();
foreach (var hosted in provider.GetServices<IHostedService>())
{
    await hosted.StartAsync(CancellationToken.None);
}

// Load: each person has an NHS number (pointers are published under it) and a UPN (searches use it, so
// resolution to the person's other identifiers is exercised). Custodians and types mix permitted and withheld.
(string Custodian, string Type, string Category)[] mix =
[
    ("dfe:352", "child-protection-plan", "social-care"),
    ("police:06", "police-incident", "police"),
    ("ods:R0A", "health-visitor-contact", "health"),
    ("dfe:355", "youth-justice-order", "justice"), // no agreement names it: withheld from the police
];
var load = Stopwatch.StartNew();
var now = TimeProvider.System.GetUtcNow();
var connection = await store.OpenConnectionAsync();
await using (connection)
{
    var transaction = await connection.BeginTransactionAsync();
    for (var p = 0; p < people; p++)
    {
        var personId = "p" + p.ToString("D7", CultureInfo.InvariantCulture);
        var nhs = (9000000000L + p).ToString(CultureInfo.InvariantCulture);
        identity.Add(personId, new RecordIdentifier(IdentifierSystems.NhsNumber, nhs), new RecordIdentifier(IdentifierSystems.Upn, "B" + p.ToString("D12", CultureInfo.InvariantCulture)));
        for (var k = 0; k < perPerson; k++)
        {
            var (custodian, type, category) = mix[(p + k) % mix.Length];
            var pointer = new RecordPointer
            {
                Id = $"bench-{p}-{k}",
                Type = type,
                Category = category,
                CustodianId = custodian,
                Subjects = [new SubjectIdentifier(IdentifierSystems.NhsNumber, nhs)],
                PeriodStart = new DateOnly(2026, 1, 1).AddDays(k),
                Content = [new PointerAttachment("https://records.example/" + p, "application/pdf")],
                Created = now.AddSeconds(-k),
                LastUpdated = now,
            };
            await connection.Command(
                "INSERT INTO loc_pointer (id, custodian_id, master_id, type, category, status, version, created_us, updated_us, document) " +
                "VALUES (@id, @c, NULL, @t, @cat, 'current', 1, @cr, @cr, @doc)", transaction)
                .With("id", pointer.Id).With("c", custodian).With("t", type).With("cat", category)
                .With("cr", SqlTime.Micros(pointer.Created)).With("doc", JsonSerializer.Serialize(pointer, LocatorJson.Options))
                .ExecuteNonQueryAsync();
            await connection.Command("INSERT INTO loc_pointer_subject (subject_key, pointer_id) VALUES (@k, @id)", transaction)
                .With("k", pointer.Subjects[0].Key).With("id", pointer.Id).ExecuteNonQueryAsync();
        }
    }

    await transaction.CommitAsync();
}

load.Stop();
var finder = provider.GetRequiredService<PointerFinder>();
var request = new AccessRequest("demo-officer-06", "police:06", "police-officer", Purpose.Safeguarding, AccessAction.Search);
var random = new Random(1);
async Task<double> OneAsync()
{
    var p = random.Next(people);
    var started = Stopwatch.GetTimestamp();
    var result = await finder.SearchAsync(request, new PointerQuery { Subject = new SubjectIdentifier(IdentifierSystems.Upn, "B" + p.ToString("D12", CultureInfo.InvariantCulture)) });
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (result.Total + result.WithheldCount != perPerson)
    {
        throw new InvalidOperationException("A search did not see every pointer of the person.");
    }

    return elapsed;
}

for (var i = 0; i < Math.Min(200, searches); i++)
{
    await OneAsync();
}

var times = new double[searches];
var run = Stopwatch.StartNew();
for (var i = 0; i < searches; i++)
{
    times[i] = await OneAsync();
}

run.Stop();
Array.Sort(times);
Console.WriteLine($"store: {store.Description.Split(' ')[0]}; people: {people:N0}; pointers: {people * perPerson:N0} (loaded in {load.Elapsed.TotalSeconds:F1} s)");
Console.WriteLine($"searches: {searches:N0} sequential, one caller; {searches / run.Elapsed.TotalSeconds:F0} searches/s");
Console.WriteLine($"latency ms: p50 {Pct(0.50):F2}  p90 {Pct(0.90):F2}  p99 {Pct(0.99):F2}  max {times[^1]:F2}");
await cleanup();
return 0;

double Pct(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];

int Arg(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "GmConnect.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (GmConnect.slnx not found).");
}

static (Store, Func<Task>) Sqlite()
{
    var directory = Directory.CreateTempSubdirectory("gmc-locator-bench-");
    var store = Store.Open($"Data Source={Path.Combine(directory.FullName, "bench.db")}");
    return (store, async () =>
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    });
}

static async Task<(Store, Func<Task>)> PostgresAsync(string connectionString)
{
    var schema = "bench_" + Guid.NewGuid().ToString("N");
    await using (var admin = new NpgsqlConnection(connectionString))
    {
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE SCHEMA {schema}", admin).ExecuteNonQueryAsync();
    }

    var store = Store.Open(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString());
    return (store, async () =>
    {
        await store.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin).ExecuteNonQueryAsync();
    });
}
