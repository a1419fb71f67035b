using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

/// <summary>
/// The rules that keep relatives apart while letting one person's drifting records join: swapped names with a
/// slip, the sorted-Soundex blocking key, the ambiguity guard (a father and a son of one name) and the
/// identifier that outweighs a drifted name inside a cluster.
/// </summary>
public sealed class PersonGuardTests
{
    private const string NhsFather = "9434765919";
    private const string NhsSon = "4010232137";

    private static string Json(string given, string dobLevels, string clustering, string extraRules = "") => $$"""
        {
          "link_type": "dedupe_only",
          "id_column": "id",
          "comparisons": [
            { "name": "nhs", "column": "nhs", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.9, "u": 0.000001 }, { "type": "identifier_disagree", "m": 0.001, "u": 0.99, "veto": true } ] },
            { "name": "given", "column": "given", "veto_else": true, "levels": {{given}} },
            { "name": "family", "column": "family", "term_frequency": true,
              "levels": [ { "type": "exact" }, { "type": "swapped", "with": "given" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "dob", "column": "dob", "veto_else": true, "levels": {{dobLevels}} },
            { "name": "postcode", "column": "postcode",
              "levels": [ { "type": "exact" }, { "type": "postcode_sector" }, { "type": "postcode_district" } ] }
          ],
          "blocking_rules": [ ["family"], ["dob"], ["postcode"] {{extraRules}} ],
          "training": { "seed": 7, "u_max_pairs": 20000 },
          "clustering": {{clustering}}
        }
        """;

    private const string GivenLevels = """[ { "type": "exact" }, { "type": "name_variant" }, { "type": "swapped", "with": "family" }, { "type": "jaro_winkler", "threshold": 0.88 }, { "type": "swapped", "with": "family", "threshold": 0.88 } ]""";

    private const string DobLevels = """[ { "type": "exact" }, { "type": "date_day_month_swapped" } ]""";

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

    [Fact]
    public void Level_SwappedWithThreshold_MatchesSwappedNamesWithASlipOrAVariant()
    {
        var settings = LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9 }"""));
        var table = LinkageTestRecords.Table(
            ["a", "1", null, "sarah", "mainwood", "19800101", "M11AA"],
            ["b", "2", null, "mainwood", "sara", "19800101", "M11AA"],
            ["c", "3", null, "mainwood", "sarah", "19800101", "M11AA"],
            ["d", "4", null, "mainwood", "quentin", "19800101", "M11AA"]);
        var prepared = PreparedRecords.Prepare(settings, table);
        var given = prepared.Comparisons[1];

        Assert.Equal("swapped with family", given.LevelLabel(given.Level(prepared.Columns, 0, 2)));
        Assert.StartsWith("swapped with family, each within", given.LevelLabel(given.Level(prepared.Columns, 0, 1)), StringComparison.Ordinal);
        Assert.Equal(given.Level(prepared.Columns, 0, 1), given.Level(prepared.Columns, 1, 0));
        Assert.Equal("else", given.LevelLabel(given.Level(prepared.Columns, 0, 3)));
    }

    [Fact]
    public void BlockingKey_SortedSoundex_PutsSwappedNamesInOneBlock()
    {
        Assert.True(BlockingKey.TryParse("sorted_soundex(given, family)", out var key, out _));
        Assert.Equal(["given", "family"], key!.Comparisons);
        Assert.False(BlockingKey.TryParse("sorted_soundex(given)", out _, out var error));
        Assert.Contains("two comparisons", error, StringComparison.Ordinal);

        Assert.Equal(Blocker.SortedSoundex("sarah", "mainwood"), Blocker.SortedSoundex("mainwood", "sara"));
        Assert.NotEqual(Blocker.SortedSoundex("sarah", "mainwood"), Blocker.SortedSoundex("sarah", "smith"));
        Assert.Null(Blocker.SortedSoundex("sarah", null));
    }

    [Fact]
    public void Run_SwappedNamesWithASlip_AreCandidatesAndLinkOnlyThroughTheSortedSoundexRule()
    {
        string?[][] rows =
        [
            ["gp", "S1", null, "sarah", "mainwood", "19800101", "M11AA"],
            ["dwp", "S2", null, "mainwood", "sara", "19800101", "OL12ZZ"],
        ];
        var (table, first) = WithPopulation(rows);
        var without = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9 }""").Replace("\"blocking_rules\": [ [\"family\"], [\"dob\"], [\"postcode\"]", "\"blocking_rules\": [ [\"family\"], [\"postcode\"]", StringComparison.Ordinal))).Run(table);
        var with = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9 }""", """, ["dob", "sorted_soundex(given,family)"]""").Replace("\"blocking_rules\": [ [\"family\"], [\"dob\"], [\"postcode\"]", "\"blocking_rules\": [ [\"family\"], [\"postcode\"]", StringComparison.Ordinal))).Run(table);

        Assert.DoesNotContain(without.Pairs(0), p => p.Left == first && p.Right == first + 1);
        Assert.Contains(with.Pairs(0), p => p.Left == first && p.Right == first + 1);
    }

    [Fact]
    public void Cluster_FatherAndSonOfOneName_ARecordWithoutDateOfBirthJoinsNeither()
    {
        // Same name and address; their dates of birth veto each other. The school record has no date of birth
        // and no number: it links equally well to both, so whichever came first would take it.
        string?[][] rows =
        [
            ["gp", "F1", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["acute", "F2", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20050212", "M205TT"],
            ["acute", "S2", NhsSon, "zebedee", "quirke", "20050212", "M205TT"],
            ["school", "S3", null, "zebedee", "quirke", null, "M205TT"],
        ];
        var (table, first) = WithPopulation(rows);
        var plain = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9 }"""))).Run(table);
        var guarded = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9, "ambiguity_margin": 5 }"""))).Run(table);

        var p = plain.Clustering.ClusterOf;
        Assert.True(p[first + 4] == p[first] || p[first + 4] == p[first + 2], "without the guard the record joins one of them");
        var g = guarded.Clustering.ClusterOf;
        Assert.Equal(g[first], g[first + 1]);
        Assert.Equal(g[first + 2], g[first + 3]);
        Assert.NotEqual(g[first], g[first + 2]);
        Assert.NotEqual(g[first + 4], g[first]);
        Assert.NotEqual(g[first + 4], g[first + 2]);
        Assert.True(guarded.Clustering.RefusedAmbiguous >= 2);
    }

    [Fact]
    public void Cluster_OneLinkClearlyStronger_KeepsItAndWithholdsTheWeaker()
    {
        // The school record carries the son's date of birth: its link to the son is far stronger than the one to the
        // father (which the date of birth vetoes anyway), so it joins the son.
        string?[][] rows =
        [
            ["gp", "F1", NhsFather, "zebedee", "quirke", "19700515", "M205TT"],
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20050212", "M205TT"],
            ["school", "S3", null, "zebedee", "quirke", "20050212", "M205TT"],
        ];
        var (table, first) = WithPopulation(rows);
        var guarded = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9, "ambiguity_margin": 5 }"""))).Run(table);
        var g = guarded.Clustering.ClusterOf;
        Assert.Equal(g[first + 1], g[first + 2]);
        Assert.NotEqual(g[first], g[first + 2]);
    }

    [Fact]
    public void Cluster_NicknameInOneRecordAndSlipInAnother_JoinWhenTheyShareAValidNumber()
    {
        // joy ~ joyce and joyce ~ joce link; joy and joce are nothing alike by name (a veto when scored directly),
        // but both carry the same valid NHS number, so the cross-pair check does not hold the merge back.
        string?[][] rows =
        [
            ["gp", "J1", NhsFather, "joce", "zebedee", "19410914", "M169BB"],
            ["dwp", "J2", null, "joyce", "zebedee", "19410914", "M169BB"],
            ["acute", "J3", NhsFather, "joy", "zebedee", "19410914", "M169BB"],
        ];
        var given = """[ { "type": "exact" }, { "type": "name_variant" }, { "type": "jaro_winkler", "threshold": 0.88 } ]""";
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(given, DobLevels, """{ "threshold": 0.9 }"""))).Run(table);
        var c = result.Clustering.ClusterOf;
        Assert.Equal(c[first], c[first + 1]);
        Assert.Equal(c[first + 1], c[first + 2]);
    }

    [Fact]
    public void Cluster_TwinsWithSpellingVariantNames_StayApartWithoutNumbers()
    {
        // Twins share family name, date of birth and address; their given names are listed variants of one another.
        // Their GP records carry different valid numbers; the school records carry none.
        string?[][] rows =
        [
            ["gp", "T1", NhsFather, "isabella", "quirke", "20100505", "M205TT"],
            ["gp", "T2", NhsSon, "isabel", "quirke", "20100505", "M205TT"],
            ["school", "T1s", null, "isabella", "quirke", "20100505", "M205TT"],
            ["school", "T2s", null, "isabel", "quirke", "20100505", "M205TT"],
        ];
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(GivenLevels, DobLevels, """{ "threshold": 0.9, "ambiguity_margin": 5 }"""))).Run(table);
        var c = result.Clustering.ClusterOf;
        Assert.NotEqual(c[first], c[first + 1]);
        Assert.NotEqual(c[first + 2], c[first + 1]);
        Assert.NotEqual(c[first + 3], c[first]);
    }
}
