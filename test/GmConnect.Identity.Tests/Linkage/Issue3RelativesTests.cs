using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

/// <summary>
/// Issue 3, fifth session: a record without a date of birth between a father and a son of one name and address.
/// Rule 10 of ADR 0003 (an identifier shared with one side only decides) and rule 11 (the ages a record's source holds).
/// </summary>
public sealed class Issue3RelativesTests
{
    private const string NhsFather = "9434765919";
    private const string NhsSon = "4010232137";

    private static string Json(string clustering) => $$"""
        {
          "link_type": "dedupe_only",
          "id_column": "id",
          "comparisons": [
            { "name": "nhs", "column": "nhs", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.9, "u": 0.000001 }, { "type": "identifier_disagree", "m": 0.001, "u": 0.99, "veto": true } ] },
            { "name": "given", "column": "given", "veto_else": true, "levels": [ { "type": "exact" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "family", "column": "family", "term_frequency": true, "levels": [ { "type": "exact" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "dob", "column": "dob", "veto_else": true, "levels": [ { "type": "exact" }, { "type": "date_within_years", "years": 1 } ] },
            { "name": "postcode", "column": "postcode", "levels": [ { "type": "exact" }, { "type": "postcode_sector" }, { "type": "postcode_district" } ] }
          ],
          "blocking_rules": [ ["family"], ["dob"], ["postcode"] ],
          "training": { "seed": 7, "u_max_pairs": 20000 },
          "clustering": {{clustering}}
        }
        """;

    private const string Guarded = """{ "threshold": 0.9, "ambiguity_margin": 5 }""";

    private const string WithAges = """
        { "threshold": 0.9, "ambiguity_margin": 5,
          "source_ages": { "date_of_birth": "dob", "recorded_column": "recorded",
            "sources": [ { "prefix": "school", "max_age": 19 }, { "prefix": "dwp", "min_age": 16 } ] } }
        """;

    /// <summary>The shared test population with a recorded date on every record, plus the rows given (id, nhs, given, family, dob, postcode, recorded).</summary>
    private static (RecordTable Table, int First) WithPopulation(params string?[][] extra)
    {
        var population = LinkageTestRecords.Population(300, seed: 31);
        var table = new RecordTable([.. LinkageTestRecords.Columns, "recorded"]);
        for (var i = 0; i < population.Count; i++)
        {
            table.Add(population.SourceOf(i), population.RecordIdOf(i), [.. Enumerable.Range(0, LinkageTestRecords.Columns.Length).Select(c => population.Value(c, i)), "2024-06-01"]);
        }

        var first = table.Count;
        foreach (var row in extra)
        {
            table.Add(row[0]!, row[1]!, [row[1], .. row[2..]]);
        }

        return (table, first);
    }

    [Fact]
    public void Cluster_RecordWithoutDateOfBirthSharingTheSonsNumber_JoinsTheSon()
    {
        // The father's GP record has no number; the son's record without a date of birth carries the son's number.
        // Both links are strong, the father and son cannot be one person, and the record lacks the date of birth that
        // tells them apart (rule 8) — but the number it shares with the son does (rule 10).
        string?[][] rows =
        [
            ["gp", "F1", null, "zebedee", "quirke", "19700515", "M205TT", "2024-06-01"],
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20050212", "M205TT", "2024-06-01"],
            ["acute", "S2", NhsSon, "zebedee", "quirke", null, "M205TT", "2024-06-01"],
        ];
        var (table, first) = WithPopulation(rows);
        var result = new LinkageEngine(LinkageSettings.Parse(Json(Guarded))).Run(table);
        var c = result.Clustering.ClusterOf;
        Assert.Equal(c[first + 1], c[first + 2]);
        Assert.NotEqual(c[first], c[first + 1]);
    }

    [Fact]
    public void Cluster_SchoolRecordWithoutDateOfBirthAtTheFathersAddress_DoesNotJoinTheFather()
    {
        // The son's own record has moved and carries a short form of his name that no level lists; his school
        // record, without a date of birth, is at the old address where his father of the same name still lives. Scored pair by pair it is the father's; its source says it is a
        // pupil's (rule 11).
        string?[][] rows =
        [
            ["gp", "F1", NhsFather, "zebedee", "quirke", "19700515", "M205TT", "2024-06-01"],
            ["acute", "F2", NhsFather, "zebedee", "quirke", "19700515", "M205TT", "2024-06-01"],
            ["gp", "S1", NhsSon, "zeb", "quirke", "20090212", "OL12ZZ", "2024-06-01"],
            ["school", "S3", null, "zebedee", "quirke", null, "M205TT", "2023-09-01"],
        ];
        var (table, first) = WithPopulation(rows);
        var without = new LinkageEngine(LinkageSettings.Parse(Json(Guarded))).Run(table).Clustering.ClusterOf;
        var with = new LinkageEngine(LinkageSettings.Parse(Json(WithAges))).Run(table).Clustering.ClusterOf;

        Assert.Equal(without[first], without[first + 3]); // the join the rule is for
        Assert.Equal(with[first], with[first + 1]);
        Assert.NotEqual(with[first], with[first + 3]);
    }

    [Fact]
    public void Cluster_DwpRecordWithoutDateOfBirthAtTheChildsAddress_DoesNotJoinTheChild()
    {
        // The father's DWP record has no date of birth; his son of the same name, aged nine, lives at the address.
        string?[][] rows =
        [
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20150328", "M154NX", "2024-06-01"],
            ["school", "S2", null, "zebedee", "quirke", "20150328", "M154NX", "2024-06-01"],
            ["dwp", "D1", null, "zebedee", "quirke", null, "M154NX", "2024-06-01"],
        ];
        var (table, first) = WithPopulation(rows);
        var without = new LinkageEngine(LinkageSettings.Parse(Json(Guarded))).Run(table).Clustering.ClusterOf;
        var with = new LinkageEngine(LinkageSettings.Parse(Json(WithAges))).Run(table).Clustering.ClusterOf;

        Assert.Equal(without[first], without[first + 2]);
        Assert.Equal(with[first], with[first + 1]);
        Assert.NotEqual(with[first], with[first + 2]);
    }

    [Fact]
    public void Cluster_SourceAges_InputWithoutRecordedDates_RuleIsOff()
    {
        // The Identity Manager's record columns carry no recorded date: one settings file serves both callers, and
        // without the dates the school record is placed as before the rule (with the father, its only partner).
        var table = LinkageTestRecords.Population(300, seed: 31);
        var first = table.Count;
        table.Add("gp", "F1", ["F1", NhsFather, "zebedee", "quirke", "19700515", "M205TT"]);
        table.Add("acute", "F2", ["F2", NhsFather, "zebedee", "quirke", "19700515", "M205TT"]);
        table.Add("school", "S3", ["S3", null, "zebedee", "quirke", null, "M205TT"]);
        var c = new LinkageEngine(LinkageSettings.Parse(Json(WithAges))).Run(table).Clustering.ClusterOf;
        Assert.Equal(c[first], c[first + 2]);
    }

    [Theory]
    [InlineData("""{ "source_ages": { "date_of_birth": "dob", "recorded_column": "recorded", "sources": [ { "prefix": "school" } ] } }""", "$.clustering.source_ages.sources[0]")]
    [InlineData("""{ "source_ages": { "date_of_birth": "dob", "recorded_column": "recorded", "sources": [ { "prefix": "school", "max": 19 } ] } }""", "$.clustering.source_ages.sources[0].max")]
    [InlineData("""{ "source_ages": { "date_of_birth": "dob", "sources": [] } }""", "$.clustering.source_ages.recorded_column")]
    [InlineData("""{ "source_ages": { "date_of_birth": "dob", "recorded_column": "recorded", "sources": [ { "prefix": "dwp", "min_age": -1 } ] } }""", "$.clustering.source_ages.sources[0].min_age")]
    [InlineData("""{ "source_ages": { "date_of_birth": "dob", "recorded_column": "recorded", "sources": [ { "prefix": "dwp", "min_age": 20, "max_age": 16 } ] } }""", "$.clustering.source_ages.sources[0]")]
    public void Parse_BadSourceAges_NamesThePath(string clustering, string path)
    {
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(Json(clustering)));
        Assert.Contains(ex.Errors, e => e.Path == path);
    }
}
