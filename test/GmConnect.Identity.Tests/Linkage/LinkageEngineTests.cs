using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

public sealed class LinkageEngineTests
{
    [Fact]
    public void Run_SyntheticPopulation_FindsTheDuplicatesWithoutFalseMerges()
    {
        var table = LinkageTestRecords.Population(400, seed: 3);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var truth = Enumerable.Range(0, table.Count).Select(i => table.RecordIdOf(i).Split('-')[0]).ToArray();
        var evaluation = LinkageEvaluation.Evaluate(truth, result.Clustering.ClusterOf, Enumerable.Range(0, table.Count).Select(table.SourceOf).ToArray(), false, result.Pairs(result.Threshold));
        Assert.True(evaluation.ClusterPairs.Precision > 0.99, $"precision {evaluation.ClusterPairs.Precision}");
        Assert.True(evaluation.ClusterPairs.Recall > 0.95, $"recall {evaluation.ClusterPairs.Recall}");
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameModelAndClusters()
    {
        var table = LinkageTestRecords.Population(200, seed: 5);
        var a = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var b = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        Assert.Equal(a.Model.ToJson(), b.Model.ToJson());
        Assert.Equal(a.Clustering.ClusterOf, b.Clustering.ClusterOf);
    }

    [Fact]
    public void Run_LinkOnly_ProducesOnlyCrossSourcePairs()
    {
        var table = LinkageTestRecords.Population(150, seed: 9);
        var result = new LinkageEngine(LinkageTestRecords.Settings(LinkType.LinkOnly)).Run(table);
        Assert.NotEmpty(result.Pairs());
        Assert.All(result.Pairs(), p => Assert.NotEqual(table.SourceOf(p.Left), table.SourceOf(p.Right)));
    }

    [Fact]
    public void Run_CandidatePairs_AreUniqueAndOrdered()
    {
        var table = LinkageTestRecords.Population(150, seed: 11);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var pairs = result.Pairs().Select(p => (p.Left, p.Right)).ToList();
        Assert.All(pairs, p => Assert.True(p.Left < p.Right));
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.True(result.CandidatePairsPerRule.Sum() > pairs.Count, "some pairs agree on several rules but are scored once");
    }

    [Fact]
    public void Run_MaxBlockSize_SkipsOversizedBlocksButKeepsTheirPairsFoundByOtherRules()
    {
        // Six "Smith"s form a family block of six; with a limit of 3 it is skipped. The two records that
        // also share a date of birth (a block of two under the second rule) must still be a candidate pair:
        // the skipped block must not make the second rule think the pair was emitted already.
        var table = LinkageTestRecords.Table(
            ["s", "a", null, "ann", "smith", "20010203", "M1 1AA"],
            ["s", "b", null, "anne", "smith", "20010203", "M2 2BB"],
            ["s", "c", null, "bob", "smith", "19700101", "M3 3CC"],
            ["s", "d", null, "cat", "smith", "19800101", "M4 4DD"],
            ["s", "e", null, "dan", "smith", "19900101", "M5 5EE"],
            ["s", "f", null, "eve", "smith", "19600101", "M6 6FF"]);
        var limited = LinkageTestRecords.Settings() with { MaxBlockSize = 3 };

        var unlimited = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var result = new LinkageEngine(limited).Run(table);

        Assert.Equal(15, unlimited.CandidatePairCount);
        Assert.Equal(0, unlimited.SkippedBlocksPerRule.Sum());
        Assert.Equal(1, result.SkippedBlocksPerRule[0]);
        var pair = Assert.Single(result.Pairs());
        Assert.Equal(("a", "b"), (table.RecordIdOf(pair.Left), table.RecordIdOf(pair.Right)));
    }

    [Theory]
    [InlineData(false, "else")]
    [InlineData(true, "null")]
    public void Explain_PlaceholderGivenName_CountsAsMissingOnlyWhenListed(bool listed, string expectedLevel)
    {
        // A newborn registered as "Baby" and later by name: "baby" is a placeholder, not a name that disagrees.
        var table = LinkageTestRecords.Table(
            ["s", "a", null, "Baby", "smith", "20250301", "M1 1AA"],
            ["s", "b", null, "Harley", "smith", "20250301", "M1 1AA"]);
        var settings = LinkageTestRecords.Settings();
        if (listed)
        {
            settings = settings with
            {
                Comparisons = [.. settings.Comparisons.Select(c => c.Name == "given" ? c with { NullValues = new HashSet<string>(["baby"]) } : c)],
            };
        }

        var result = new LinkageEngine(settings).Run(table);

        var given = result.Explain(0, 1).Contributions.Single(c => c.Comparison == "given");
        Assert.Equal(expectedLevel, given.Level);
    }

    [Fact]
    public void Explain_AnyPair_ContributionsSumToTheScoredWeight()
    {
        var table = LinkageTestRecords.Population(150, seed: 13);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        foreach (var pair in result.Pairs().Take(50))
        {
            var explanation = result.Explain(pair.Left, pair.Right);
            Assert.Equal(pair.MatchWeight, explanation.MatchWeight, 3);
            Assert.Equal(5, explanation.Contributions.Count);
            Assert.Contains("\"contributions\"", explanation.ToJson(), StringComparison.Ordinal);
            Assert.Contains("match weight", explanation.ToText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_CommonSurnameAgreeing_WeighsLessThanARareOne()
    {
        var table = LinkageTestRecords.Population(300, seed: 17);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var tf = result.Pairs()
            .Select(p => result.Explain(p.Left, p.Right).Contributions.Single(c => c.Comparison == "family"))
            .Where(c => c.Level == "exact")
            .Select(c => c.TermFrequencyAdjustment)
            .Distinct()
            .ToList();
        Assert.True(tf.Min() < 0 && tf.Max() > tf.Min(), "term-frequency adjustments differ by surname");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_TinyInputs_GiveOneClusterPerRecord(int records)
    {
        var table = LinkageTestRecords.Table([.. Enumerable.Range(0, records).Select(i => new string?[] { "s", $"r{i}", null, $"name{i}", $"family{i}", "19800101", null })]);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        Assert.Equal(records, result.Clustering.ClusterCount);
        Assert.Equal(records, result.Clustering.ClusterOf.Count);
    }
}
