using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Evaluation;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

/// <summary>
/// The rules of the third recall pass (docs/benchmarks.md, "Recall and relatives, third pass"): a listed variant
/// after one slip, one name in the other's field, the <c>missing(...)</c> blocking condition, the record blind to the
/// value that tells two relatives apart, and the truth report (missed pairs by reason, relatives joined).
/// </summary>
public sealed class RecallRuleTests
{
    private const string NhsFather = "9434765919";
    private const string NhsSon = "4010232137";

    private static string Json(string givenLevels, string rules, string clustering = """{ "threshold": 0.9, "ambiguity_margin": 5 }""") => $$"""
        {
          "link_type": "dedupe_only",
          "id_column": "id",
          "comparisons": [
            { "name": "nhs", "column": "nhs", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.9, "u": 0.000001 }, { "type": "identifier_disagree", "m": 0.001, "u": 0.99, "veto": true } ] },
            { "name": "given", "column": "given", "veto_else": true, "levels": {{givenLevels}} },
            { "name": "family", "column": "family", "term_frequency": true,
              "levels": [ { "type": "exact" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "dob", "column": "dob", "veto_else": true,
              "levels": [ { "type": "exact" }, { "type": "date_day_month_swapped" } ] },
            { "name": "postcode", "column": "postcode",
              "levels": [ { "type": "exact" }, { "type": "postcode_sector" }, { "type": "postcode_district" } ] }
          ],
          "blocking_rules": {{rules}},
          "training": { "seed": 7, "u_max_pairs": 20000 },
          "clustering": {{clustering}}
        }
        """;

    private const string GivenLevels = """[ { "type": "exact" }, { "type": "name_variant" }, { "type": "jaro_winkler", "threshold": 0.88 }, { "type": "name_variant_slip" }, { "type": "swapped_one", "with": "family" } ]""";

    private const string Rules = """[ ["family"], ["dob"], ["postcode"] ]""";

    private static (RecordTable Table, int First) WithPopulation(params string?[][] extra)
    {
        var table = LinkageTestRecords.Population(300, seed: 31);
        var first = table.Count;
        foreach (var row in extra)
        {
            table.Add(row[0]!, row[1]!, [row[1], .. row[2..]]);
        }

        return (table, first);
    }

    private static string LevelOf(string givenA, string? familyA, string givenB, string? familyB)
    {
        var settings = LinkageSettings.Parse(Json(GivenLevels, Rules));
        var table = LinkageTestRecords.Table(
            ["a", "1", null, givenA, familyA, "19800101", "M11AA"],
            ["b", "2", null, givenB, familyB, "19800101", "M11AA"]);
        var prepared = PreparedRecords.Prepare(settings, table);
        var given = prepared.Comparisons[1];
        var level = given.Level(prepared.Columns, 0, 1);
        Assert.Equal(level, given.Level(prepared.Columns, 1, 0));
        return given.LevelLabel(level);
    }

    [Theory]
    [InlineData("davdi", "dave")]
    [InlineData("dave", "davdi")]
    [InlineData("hloly", "hollie")]
    public void Level_NameVariantSlip_AVariantAfterOneSlipIsNotNothingAlike(string a, string b) =>
        Assert.Equal("name variant slip", LevelOf(a, "quirke", b, "quirke"));

    [Theory]
    [InlineData("davdi", "zebedee")]
    [InlineData("dvx", "dave")]
    public void Level_NameVariantSlip_UnrelatedOrShortNamesStayElse(string a, string b) =>
        Assert.Equal("else", LevelOf(a, "quirke", b, "quirke"));

    [Fact]
    public void Level_SwappedOne_TheGivenNameInTheOtherRecordsFamilyName()
    {
        // One record has the names swapped and the other a married surname: only one name moved field.
        Assert.Equal("one name in family", LevelOf("rekha", "solanki", "patel", "rekha"));
        Assert.Equal("else", LevelOf("rekha", "solanki", "patel", "shah"));
    }

    [Fact]
    public void Settings_RuleOfConditionsOnly_IsAnErrorAtItsPath()
    {
        var error = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(Json(GivenLevels, """[ ["family"], ["missing(dob)"] ]""")));
        Assert.Contains(error.Errors, e => e.Path == "$.blocking_rules[1]");
    }

    [Fact]
    public void Run_MissingCondition_PairsANameOnlyWithRecordsThatLackTheDateOfBirth()
    {
        // Three records of one name at three addresses: only the one without a date of birth is paired with the others.
        string?[][] rows =
        [
            ["gp", "A", null, "zebedee", "quirke", "19700515", "M205TT"],
            ["police", "B", null, "zebedee", "quirke", null, "OL12ZZ"],
            ["dwp", "C", null, "zebedee", "quirke", "19881231", "SK43AB"],
        ];
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, """[ ["dob"], ["family", "given", "missing(dob)"] ]"""))).Run(table);

        var pairs = result.Pairs(0).Where(p => p.Left >= first).Select(p => (p.Left - first, p.Right - first)).ToList();
        Assert.Contains((0, 1), pairs);
        Assert.Contains((1, 2), pairs);
        Assert.DoesNotContain((0, 2), pairs);
    }

    [Fact]
    public void Cluster_RecordWithoutDateOfBirth_DoesNotChooseBetweenFatherAndSonEvenWhenOneLinkIsStronger()
    {
        // The son's records have no postcode, so the school record without a date of birth links far more strongly
        // (by more than the margin) to the father's, at its address; the date of birth that tells the two men apart is
        // the one value it lacks, and the address is the household's.
        string?[][] rows =
        [
            ["gp", "F1", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["acute", "F2", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20050212", null],
            ["acute", "S2", NhsSon, "zebedee", "quirke", "20050212", null],
            ["school", "S3", null, "zebedee", "quirke", null, "M205TT"],
        ];
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, Rules, """{ "threshold": 0.5, "ambiguity_margin": 5 }"""))).Run(table);

        var c = result.Clustering.ClusterOf;
        Assert.Equal(4, result.Pairs(0.5).Count(p => p.Left == first + 4 || p.Right == first + 4));
        Assert.Equal(c[first], c[first + 1]);
        Assert.Equal(c[first + 2], c[first + 3]);
        Assert.NotEqual(c[first + 4], c[first]);
        Assert.NotEqual(c[first + 4], c[first + 2]);
    }

    [Fact]
    public void Cluster_RecordWithANeighboursNumber_JoinsItsPersonOnlyWhenNameDateOfBirthAndAddressAllAgree()
    {
        // The hospital record is the GP record's person, alike in every field, but carries a neighbour's valid NHS
        // number. Without the exception the different numbers veto the link; with veto_unless_exact the veto is lifted
        // for a pair alike in everything named, and not for one that differs (the father, another date of birth).
        string?[][] rows =
        [
            ["gp", "G1", NhsSon, "zebedee", "quirke", "19700515", "M205TT"],
            ["acute", "A1", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["gp", "F1", NhsFather, "zebedee", "quirke", "19450101", "M205TT"],
        ];
        var (table, first) = WithPopulation(rows);
        var plain = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, Rules))).Run(table);
        var lifted = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, Rules).Replace(
            "\"veto\": true } ] }", "\"veto\": true, \"veto_unless_exact\": [\"given\", \"family\", \"dob\", \"postcode\"] } ] }", StringComparison.Ordinal))).Run(table);

        Assert.NotEqual(plain.Clustering.ClusterOf[first], plain.Clustering.ClusterOf[first + 1]);
        var c = lifted.Clustering.ClusterOf;
        Assert.Equal(c[first], c[first + 1]);
        Assert.NotEqual(c[first + 2], c[first]);
    }

    [Fact]
    public void Settings_VetoUnlessExactNamesAnUnknownComparison_IsAnErrorAtItsPath()
    {
        var json = Json(GivenLevels, Rules).Replace("\"veto\": true } ] }", "\"veto\": true, \"veto_unless_exact\": [\"shoe_size\"] } ] }", StringComparison.Ordinal);
        var error = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(json));
        Assert.Contains(error.Errors, e => e.Path == "$.comparisons[0].levels[1].veto_unless_exact");
    }

    [Fact]
    public void MissedPairs_WithTruth_SaysWhyEachTruePairIsApart()
    {
        // P1's two records share nothing a blocking rule keys on; P2's two records have first names nothing alike (a veto).
        string?[][] rows =
        [
            ["gp", "P1a", null, "zebedee", "quirke", "19700515", "M205TT"],
            ["dwp", "P1b", null, "quirke", "zebedee", "19710515", "OL12ZZ"],
            ["gp", "P2a", null, "winifred", "oyelaran", "19550303", "SK43AB"],
            ["dwp", "P2b", null, "xanthe", "oyelaran", "19550303", "SK43AB"],
        ];
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, """[ ["family"], ["dob"] ]"""))).Run(table);
        var truth = Enumerable.Range(0, table.Count).Select(i => i < first ? table.RecordIdOf(i).Split('-')[0] : table.RecordIdOf(i)[..2]).ToArray();

        var report = result.MissedPairs(truth);

        var missed = report.Pairs.Where(p => p.Left >= first).ToList();
        Assert.Contains(missed, p => p.Left == first && p.Right == first + 1 && p.Category.StartsWith("never a candidate", StringComparison.Ordinal));
        Assert.Contains(missed, p => p.Left == first + 2 && p.Right == first + 3 && p.Category == "link refused: veto level");
        Assert.Equal(report.Pairs.Count, report.Missed);
        Assert.Contains("missed true pairs", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeJoins_ClusterOfFatherAndSon_IsCountedAsTwoGenerations()
    {
        var table = new RecordTable(["id", "family_name", "date_of_birth", "address"]);
        table.Add("gp", "F1", ["F1", "Quirke", "1970-05-15", "1 High St"]);
        table.Add("acute", "F2", ["F2", "QUIRKE", "1970-05-15", "1 HIGH  ST"]);
        table.Add("gp", "S1", ["S1", "Quirke", "2005-02-12", "1 High St"]);
        table.Add("gp", "T1", ["T1", "Quirke", "2005-02-12", "1 High St"]);
        table.Add("gp", "U1", ["U1", "Smith", "1990-01-01", "2 Low Rd"]);
        string?[] truth = ["father", "father", "son", "twin", "other"];

        var joined = RelativeJoins.Count(table, truth, [0, 0, 0, 1, 1], "family_name", "date_of_birth", ["address"]);
        var apart = RelativeJoins.Count(table, truth, [0, 0, 1, 2, 3], "family_name", "date_of_birth", ["address"]);

        Assert.Equal(2, joined.MixedClusters);
        Assert.Equal(1, joined.TwoGenerations);
        Assert.Equal(0, joined.TwinLike);
        Assert.Equal(0, apart.MixedClusters);
        Assert.Equal(0, apart.TwoGenerations);
        var twins = RelativeJoins.Count(table, truth, [0, 0, 1, 1, 2], "family_name", "date_of_birth", ["address"]);
        Assert.Equal(1, twins.TwinLike);
    }
}
