using BenchmarkDotNet.Attributes;
using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Benchmarks;

/// <summary>
/// The scoring hot path on FEBRL 3 with the shipped settings: comparing a pair (all ten comparisons,
/// giving its comparison vector) and turning a vector into a match weight. 1,000 pairs per operation:
/// the true duplicate pairs (which walk deep into the levels) or random pairs (mostly "else").
/// </summary>
[MemoryDiagnoser]
public class PairScoringBenchmarks
{
    private PreparedRecords _records = null!;
    private PairScorer _scorer = null!;
    private (int A, int B)[] _pairs = [];
    private ulong[] _gammas = [];

    [Params("duplicates", "random")]
    public string Pairs { get; set; } = "duplicates";

    [GlobalSetup]
    public void Setup()
    {
        var settings = LinkageSettings.Load(BenchData.RepositoryFile("configs/linkage/febrl.json"));
        var table = BenchData.ReadFebrl(Path.Combine(BenchData.FebrlDirectory, "dataset3.csv"));
        var model = new LinkageEngine(settings).Run(table).Model;
        _records = PreparedRecords.Prepare(settings, table);
        _scorer = new PairScorer(_records, model);
        var random = new Random(1);
        if (Pairs == "random")
        {
            _pairs = [.. Enumerable.Range(0, 1000).Select(_ => (random.Next(table.Count), random.Next(table.Count)))];
        }
        else
        {
            var byEntity = Enumerable.Range(0, table.Count).GroupBy(i => table.RecordIdOf(i).Split('-')[1]).Where(g => g.Count() > 1);
            _pairs = [.. byEntity.Select(g => (g.First(), g.Last())).Take(1000)];
        }

        _gammas = [.. _pairs.Select(p => ComparisonVectors.Compute(_records, p.A, p.B))];
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public ulong CompareVector()
    {
        ulong sink = 0;
        foreach (var (a, b) in _pairs)
        {
            sink ^= ComparisonVectors.Compute(_records, a, b);
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public double WeightFromVector()
    {
        var sum = 0.0;
        for (var i = 0; i < _gammas.Length; i++)
        {
            sum += _scorer.Weight(_gammas[i], _pairs[i].A);
        }

        return sum;
    }
}
