using GmConnect.Identity.Linkage;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

/// <summary>
/// ADR 0003, rule 12: a record without a date of birth that links to one man's records is not merged with them when
/// another man of its name and household — found through a candidate pair that agrees on the postcode or the phone,
/// not necessarily a link — differs from the first only in the date of birth the record lacks.
/// </summary>
public sealed class HouseholdRivalTests
{
    private const string NhsSon = "4010232137";

    // Every level's m and u and the prior are fixed, so that the weights are those of a trained person model, not
    // of whatever a few hundred toy records would train: a name +6.5 (+3.3 or +4.6 for a slip), a date of birth +9.8,
    // the postcode +9.7 (else -4.3), a phone +6.6, the prior -16.6; a link needs +3.2 (0.9), a confident non-match is
    // below -6.6 (0.01).
    private static string Json(string clustering) => $$"""
        {
          "link_type": "dedupe_only",
          "id_column": "id",
          "comparisons": [
            { "name": "nhs", "column": "nhs", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.9, "u": 0.000001 }, { "type": "identifier_disagree", "m": 0.001, "u": 0.99, "veto": true } ] },
            { "name": "given", "column": "given", "veto_else": true,
              "levels": [ { "type": "exact", "m": 0.9, "u": 0.01 }, { "type": "damerau_levenshtein", "max": 1, "m": 0.02, "u": 0.002 } ] },
            { "name": "family", "column": "family",
              "levels": [ { "type": "exact", "m": 0.9, "u": 0.01 }, { "type": "damerau_levenshtein", "max": 1, "m": 0.05, "u": 0.002 } ] },
            { "name": "dob", "column": "dob", "veto_else": true,
              "levels": [ { "type": "exact", "m": 0.9, "u": 0.001 }, { "type": "date_within_years", "years": 1, "m": 0.05, "u": 0.005 } ] },
            { "name": "postcode", "column": "postcode",
              "levels": [ { "type": "exact", "m": 0.85, "u": 0.001 }, { "type": "postcode_sector", "m": 0.05, "u": 0.005 }, { "type": "postcode_district", "m": 0.05, "u": 0.02 } ] },
            { "name": "phone", "column": "phone", "levels": [ { "type": "exact", "m": 0.2, "u": 0.002 } ] }
          ],
          "blocking_rules": [ ["family"], ["dob"], ["postcode"] ],
          "training": { "seed": 7, "u_max_pairs": 20000, "probability_two_random_records_match": 0.00001 },
          "clustering": {{clustering}}
        }
        """;

    private const string Rules1To11 = """{ "threshold": 0.9, "ambiguity_margin": 5 }""";

    private const string WithRule12 = """{ "threshold": 0.9, "ambiguity_margin": 5, "household_comparisons": ["postcode", "phone"] }""";

    /// <summary>The shared test population with a phone column, plus the rows given (source, id, nhs, given, family, dob, postcode, phone).</summary>
    private static (RecordTable Table, int First) WithPopulation(params string?[][] extra)
    {
        var population = LinkageTestRecords.Population(300, seed: 31);
        var table = new RecordTable([.. LinkageTestRecords.Columns, "phone"]);
        for (var i = 0; i < population.Count; i++)
        {
            table.Add(population.SourceOf(i), population.RecordIdOf(i), [.. Enumerable.Range(0, LinkageTestRecords.Columns.Length).Select(c => population.Value(c, i)), null]);
        }

        var first = table.Count;
        foreach (var row in extra)
        {
            table.Add(row[0]!, row[1]!, [row[1], .. row[2..]]);
        }

        return (table, first);
    }

    private static IReadOnlyList<int> Clusters(string clustering, RecordTable table) =>
        new LinkageEngine(LinkageSettings.Parse(Json(clustering))).Run(table).Clustering.ClusterOf;

    [Fact]
    public void Cluster_RecordWithoutDateOfBirthSharingTheFathersPhone_JoinsNeitherMan()
    {
        // The son's records are at the household's postcode; the father's one record is at his old address, with his
        // mobile number. The GP record without a date of birth has the household's postcode and the father's number:
        // it links to the son on the postcode; to the father only weakly (no link), on the phone. Nothing it holds
        // tells the two men apart.
        string?[][] rows =
        [
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20211231", "M245QW", null],
            ["acute", "S2", NhsSon, "zebedee", "quirke", "20211231", "M245QW", null],
            ["acute", "F1", null, "zebedee", "quirke", "19940625", "OL113TL", "07700900031"],
            ["gp", "R", null, "zebedee", "quirke", null, "M245QW", "07700900031"],
        ];
        var (table, first) = WithPopulation(rows);
        var before = Clusters(Rules1To11, table);
        var after = Clusters(WithRule12, table);

        Assert.Equal(before[first], before[first + 3]); // the join the rule is for
        Assert.Equal(after[first], after[first + 1]);
        Assert.NotEqual(after[first], after[first + 3]);
        Assert.NotEqual(after[first + 2], after[first + 3]);
    }

    [Fact]
    public void Cluster_RecordWithoutDateOfBirthAtTheHousehold_FatherNamedWithASlip_JoinsNeitherMan()
    {
        // Father and son of one name at one postcode; the father's only record has a slip in the given name, so the
        // housing record without a date of birth (with a slip of its own in the family name) links to the son only —
        // by the slip, not by anything that tells the two men apart.
        string?[][] rows =
        [
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20081130", "BL67QJ", null],
            ["school", "S2", null, "zebedee", "quirke", "20081130", "BL67QJ", null],
            ["gp", "F1", null, "zebeede", "quirke", "19760619", "BL67QJ", null],
            ["housing", "R", null, "zebedee", "quirek", null, "BL67QJ", null],
        ];
        var (table, first) = WithPopulation(rows);
        var before = Clusters(Rules1To11, table);
        var after = Clusters(WithRule12, table);

        Assert.Equal(before[first], before[first + 3]);
        Assert.Equal(after[first], after[first + 1]);
        Assert.NotEqual(after[first], after[first + 3]);
        Assert.NotEqual(after[first + 2], after[first + 3]);
    }

    [Fact]
    public void Cluster_RecordWithoutDateOfBirth_NamesakeElsewhere_StillJoins()
    {
        // A namesake with another date of birth at another postcode and another phone is not of the household: the
        // record's postcode and phone agree with one man only, and it joins him.
        string?[][] rows =
        [
            ["gp", "A1", null, "zebedee", "quirke", "19800101", "M245QW", "07700900011"],
            ["acute", "A2", null, "zebedee", "quirke", "19800101", "M245QW", "07700900011"],
            ["acute", "B1", null, "zebedee", "quirke", "19550312", "OL113TL", "07700900099"],
            ["gp", "R", null, "zebedee", "quirke", null, "M245QW", "07700900011"],
        ];
        var (table, first) = WithPopulation(rows);
        var after = Clusters(WithRule12, table);

        Assert.Equal(after[first], after[first + 3]);
        Assert.NotEqual(after[first + 2], after[first + 3]);
    }

    [Fact]
    public void Cluster_RecordWithoutDateOfBirth_SonsNumberDecides_JoinsTheSon()
    {
        // As the first case, but the record carries the son's NHS number: the number tells the men apart (rule 10).
        string?[][] rows =
        [
            ["gp", "S1", NhsSon, "zebedee", "quirke", "20211231", "M245QW", null],
            ["acute", "F1", null, "zebedee", "quirke", "19940625", "OL113TL", "07700900031"],
            ["gp", "R", NhsSon, "zebedee", "quirke", null, "M245QW", "07700900031"],
        ];
        var (table, first) = WithPopulation(rows);
        var after = Clusters(WithRule12, table);

        Assert.Equal(after[first], after[first + 2]);
        Assert.NotEqual(after[first + 1], after[first + 2]);
    }

    [Fact]
    public void Parse_HouseholdComparisonNotAComparison_NamesThePath()
    {
        var ex = Assert.Throws<SettingsException>(() => LinkageSettings.Parse(Json("""{ "household_comparisons": ["postcode", "address"] }""")));
        Assert.Contains(ex.Errors, e => e.Path == "$.clustering.household_comparisons[1]");
    }
}
