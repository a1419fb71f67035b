using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Records;

namespace GmConnect.Identity.Tests.Linkage;

public sealed class ClusteringTests
{
    // Two valid NHS numbers (Modulus 11).
    private const string NhsA = "9434765919";
    private const string NhsC = "4010232137";

    private static (RecordTable Table, int First) WithPopulation(params string?[][] extra)
    {
        var table = LinkageTestRecords.Population(300, seed: 21);
        var first = table.Count;
        foreach (var row in extra)
        {
            table.Add(row[0]!, row[1]!, [row[1], .. row[2..]]);
        }

        return (table, first);
    }

    [Fact]
    public void Cluster_ChainThroughARecordWithoutIdentifier_DoesNotJoinConflictingIdentifiers()
    {
        // A and C are two people with different valid NHS numbers; B (no number) looks like both.
        var (table, first) = WithPopulation(
            ["x", "A", NhsA, "quentin", "zebedee", "19700101", "M11AA"],
            ["x", "B", null, "quentin", "zebedee", "19700101", "M11AA"],
            ["x", "C", NhsC, "quentin", "zebedee", "19700101", "M11AA"]);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var clusters = result.Clustering.ClusterOf;

        Assert.True(result.Pairs(result.Threshold).Any(p => p.Left == first && p.Right == first + 1), "A–B is a link");
        Assert.True(result.Pairs(result.Threshold).Any(p => p.Left == first + 1 && p.Right == first + 2), "B–C is a link");
        Assert.NotEqual(clusters[first], clusters[first + 2]);
        Assert.True(clusters[first + 1] == clusters[first] || clusters[first + 1] == clusters[first + 2]);
        Assert.True(result.Clustering.RefusedConflictingIdentifier >= 1);
    }

    [Fact]
    public void Cluster_Twins_WithDifferentNumbersStayApart()
    {
        var (table, first) = WithPopulation(
            ["gp", "T1", NhsA, "amelia", "quirke", "20100505", "M205TT"],
            ["gp", "T2", NhsC, "olivia", "quirke", "20100505", "M205TT"],
            ["school", "T1b", null, "amelia", "quirke", "20100505", "M205TT"]);
        var result = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var clusters = result.Clustering.ClusterOf;
        Assert.NotEqual(clusters[first], clusters[first + 1]);
        Assert.Equal(clusters[first], clusters[first + 2]);
    }

    [Fact]
    public void Cluster_WithoutCrossPairCheck_ChainsWhereTheCheckRefuses()
    {
        // X and Z share nothing but each is close to Y: a classic chain.
        string?[][] rows =
        [
            ["x", "X", null, "bartholomew", "ffoulkes", "19520312", "M147QQ"],
            ["x", "Y", null, "bartholomew", "ffoulkes", "19520312", null],
            ["x", "Z", null, "bartholomew", "ffoulkes", "19870312", "OL12ZZ"],
        ];
        var (table, first) = WithPopulation(rows);
        var guarded = new LinkageEngine(LinkageTestRecords.Settings(rejectBelow: 0.5)).Run(table);
        var unguarded = new LinkageEngine(LinkageTestRecords.Settings(rejectBelow: 0)).Run(table);
        var xz = unguarded.Explain(first, first + 2).MatchProbability;
        Assert.True(xz < 0.5, $"X–Z alone is not a match ({xz})");

        var linksOfY = unguarded.Pairs(unguarded.Threshold).Count(p => p.Left == first + 1 || p.Right == first + 1);
        if (linksOfY >= 2)
        {
            Assert.Equal(unguarded.Clustering.ClusterOf[first], unguarded.Clustering.ClusterOf[first + 2]);
        }

        Assert.NotEqual(guarded.Clustering.ClusterOf[first], guarded.Clustering.ClusterOf[first + 2]);
    }

    [Fact]
    public void Cluster_CannotLink_KeepsADuplicateApart()
    {
        var table = LinkageTestRecords.Population(100, seed: 23);
        var plain = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var pair = plain.Pairs(0.999).First();
        Assert.Equal(plain.Clustering.ClusterOf[pair.Left], plain.Clustering.ClusterOf[pair.Right]);

        var constrained = new LinkageEngine(LinkageTestRecords.Settings()).Run(table, new LinkageOptions { CannotLink = [(pair.Left, pair.Right)] });
        Assert.NotEqual(constrained.Clustering.ClusterOf[pair.Left], constrained.Clustering.ClusterOf[pair.Right]);
        Assert.True(constrained.Clustering.RefusedCannotLink >= 1);
    }

    [Fact]
    public void Cluster_VetoLevel_NeverLinksThePairWhateverItsWeight()
    {
        var json = LinkageTestRecords.SettingsJson().Replace(
            "{ \"name\": \"given\", \"column\": \"given\",",
            "{ \"name\": \"given\", \"column\": \"given\", \"veto_else\": true,",
            StringComparison.Ordinal);
        var (table, first) = WithPopulation(
            ["x", "Twin1", null, "quentin", "zebedee", "19700101", "M11AA"],
            ["x", "Twin2", null, "barnaby", "zebedee", "19700101", "M11AA"]);
        var plain = new LinkageEngine(LinkageTestRecords.Settings()).Run(table);
        var vetoed = new LinkageEngine(GmConnect.Identity.Linkage.Settings.LinkageSettings.Parse(json)).Run(table);

        Assert.True(plain.Explain(first, first + 1).MatchProbability >= plain.Threshold, "without the veto the twins would link");
        Assert.Equal(plain.Clustering.ClusterOf[first], plain.Clustering.ClusterOf[first + 1]);
        Assert.NotEqual(vetoed.Clustering.ClusterOf[first], vetoed.Clustering.ClusterOf[first + 1]);
        Assert.True(vetoed.Clustering.RefusedVeto >= 1);
    }
}
