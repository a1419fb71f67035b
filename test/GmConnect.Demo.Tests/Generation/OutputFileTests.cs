using System.Text.Json;

namespace GmConnect.Demo.Tests.Generation;

public sealed class OutputFileTests
{
    private static readonly string[] Header =
    [
        "source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name",
        "sex", "date_of_birth", "postcode", "address", "phone", "email", "recorded_on",
    ];

    private static readonly string[] Kinds = ["gp", "acute", "police", "school", "dwp", "socialcare", "housing", "victim"];

    [Fact]
    public void Generate_SameOptionsTwice_ByteIdenticalFiles()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var options = new PopulationOptions { People = 4_000, Seed = 7 };
        PopulationGenerator.Generate(options, a.Path, cancellationToken: TestContext.Current.CancellationToken);
        PopulationGenerator.Generate(options, b.Path, cancellationToken: TestContext.Current.CancellationToken);

        var files = Directory.GetFiles(a.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.GetFiles(b.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal), files);
        Assert.Equal(10, files.Count);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, file!)), File.ReadAllBytes(Path.Combine(b.Path, file!)));
        }
    }

    [Fact]
    public void Run_OneOrManyWorkerThreads_SameRecords()
    {
        var options = new PopulationOptions { People = 6_000, Seed = 13 };
        var (one, oneSummary) = ListSink.Generate(options, workers: 1);
        var (many, manySummary) = ListSink.Generate(options, workers: 5);
        Assert.Equal(one.Records, many.Records);
        Assert.Equal(oneSummary.Errors, manySummary.Errors);
        Assert.Equal(oneSummary.Features, manySummary.Features);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentPopulation()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        PopulationGenerator.Generate(new PopulationOptions { People = 1_000, Seed = 1 }, a.Path, cancellationToken: TestContext.Current.CancellationToken);
        PopulationGenerator.Generate(new PopulationOptions { People = 1_000, Seed = 2 }, b.Path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.Path, "records-gp.csv")), File.ReadAllBytes(Path.Combine(b.Path, "records-gp.csv")));
    }

    [Fact]
    public void Generate_Files_FollowPersonRecordsFormatAndTruthCoversEveryRecordOnce()
    {
        using var dir = new TempDirectory();
        var summary = PopulationGenerator.Generate(new PopulationOptions { People = 5_000, Seed = 11 }, dir.Path, cancellationToken: TestContext.Current.CancellationToken);

        var keys = new List<(string Source, string RecordId)>();
        foreach (var kind in Kinds)
        {
            var path = Path.Combine(dir.Path, $"records-{kind}.csv");
            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no byte-order mark");
            var rows = Csv.Read(path);
            Assert.Equal(Header, rows[0]);
            Assert.All(rows.Skip(1), row =>
            {
                Assert.Equal(Header.Length, row.Length);
                Assert.NotEmpty(row[0]);
                Assert.NotEmpty(row[1]);
                Assert.Contains(row[9], new[] { "", "M", "F", "U" });
                Assert.True(row[10].Length == 0 || DateOnly.TryParseExact(row[10], "yyyy-MM-dd", out _), row[10]);
                Assert.True(DateOnly.TryParseExact(row[15], "yyyy-MM-dd", out _), row[15]);
            });
            Assert.Equal(summary.RecordsBySource[kind], rows.Count - 1);

            // Sorted by record id like a real extract, so that families do not sit on adjacent rows.
            var ids = rows.Skip(1).Select(r => r[1]).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            keys.AddRange(rows.Skip(1).Select(r => (r[0], r[1])));
        }

        Assert.Equal(keys.Count, keys.Distinct().Count());

        var truth = Csv.Read(Path.Combine(dir.Path, "truth.csv"));
        Assert.Equal(["source", "record_id", "person_id"], truth[0]);
        var truthKeys = truth.Skip(1).Select(r => (r[0], r[1])).ToList();
        Assert.Equal(truthKeys.Count, truthKeys.Distinct().Count());
        Assert.Equal(keys.ToHashSet(), truthKeys.ToHashSet());
        Assert.Equal(summary.Records, truthKeys.Count);
        Assert.Empty(Directory.GetDirectories(dir.Path));
        // Almost everyone is known to at least one agency (a GP in 97% of cases).
        Assert.InRange(truth.Skip(1).Select(r => r[2]).Distinct().Count(), 4_900, 5_000);
    }

    [Fact]
    public void Generate_SummaryJson_MatchesReturnedSummary()
    {
        using var dir = new TempDirectory();
        var summary = PopulationGenerator.Generate(new PopulationOptions { People = 1_500, Seed = 3 }, dir.Path, cancellationToken: TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, PopulationGenerator.SummaryFile)));
        var root = json.RootElement;
        Assert.Equal(1_500, root.GetProperty("people").GetInt32());
        Assert.Equal(summary.Records, root.GetProperty("records").GetInt64());
        Assert.Equal(summary.RecordsBySource["gp"], root.GetProperty("recordsBySource").GetProperty("gp").GetInt64());
        Assert.Equal(
            summary.Errors["TypingError"].Applied,
            root.GetProperty("errors").GetProperty("TypingError").GetProperty("applied").GetInt64());
        Assert.Contains("truth.csv", summary.Files);
    }

    [Fact]
    public void Generate_Progress_ReportedAndFinalCountsComplete()
    {
        using var dir = new TempDirectory();
        var reports = new List<GenerationProgress>();
        var summary = PopulationGenerator.Generate(new PopulationOptions { People = 25_000, Seed = 3, Rates = ErrorRates.None }, dir.Path, new SyncProgress(reports), TestContext.Current.CancellationToken);
        Assert.True(reports.Count >= 3);
        Assert.Equal(new GenerationProgress(25_000, 25_000, summary.Records), reports[^1]);
    }

    [Fact]
    public void Generate_Cancelled_Throws()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => PopulationGenerator.Generate(new PopulationOptions { People = 1_000 }, dir.Path, cancellationToken: cts.Token));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Generate_InvalidOptions_Throw()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationGenerator.Generate(new PopulationOptions { People = 0 }, dir.Path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PopulationGenerator.Generate(new PopulationOptions { Rates = ErrorRates.Default with { TypingError = 1.5 } }, dir.Path, cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class SyncProgress(List<GenerationProgress> reports) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => reports.Add(value);
    }
}
