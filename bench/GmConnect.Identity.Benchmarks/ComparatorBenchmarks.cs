using BenchmarkDotNet.Attributes;
using GmConnect.Identity.Text;

namespace GmConnect.Identity.Benchmarks;

/// <summary>The string comparators on typical name-length inputs: a near match and an unrelated pair.</summary>
[MemoryDiagnoser]
public class ComparatorBenchmarks
{
    [Params("katherine|kathryn", "macdonald|wilkinson")]
    public string Pair { get; set; } = "katherine|kathryn";

    private string _a = string.Empty;
    private string _b = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Pair.Split('|');
        _a = parts[0];
        _b = parts[1];
    }

    [Benchmark]
    public double JaroWinkler() => StringSimilarity.JaroWinkler(_a, _b);

    [Benchmark]
    public int Levenshtein() => StringSimilarity.Levenshtein(_a, _b);

    [Benchmark]
    public int LevenshteinBounded2() => StringSimilarity.Levenshtein(_a, _b, 2);

    [Benchmark]
    public int DamerauLevenshtein() => StringSimilarity.DamerauLevenshtein(_a, _b);

    [Benchmark]
    public double JaccardBigrams() => StringSimilarity.Jaccard(StringSimilarity.Bigrams(_a), StringSimilarity.Bigrams(_b));

    [Benchmark]
    public string Soundex() => Phonetic.Soundex(_a);

    [Benchmark]
    public string Nysiis() => Phonetic.Nysiis(_a);
}
