using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Tests.Linkage;

/// <summary>Small hand-made person records and a model over them, for engine tests.</summary>
internal static class LinkageTestRecords
{
    public static readonly string[] Columns = ["id", "nhs", "given", "family", "dob", "postcode"];

    public static LinkageSettings Settings(LinkType linkType = LinkType.DedupeOnly, double? prior = null, double rejectBelow = 0.01) =>
        LinkageSettings.Parse(SettingsJson(linkType, prior, rejectBelow));

    public static string SettingsJson(LinkType linkType = LinkType.DedupeOnly, double? prior = null, double rejectBelow = 0.01) => $$"""
        {
          "link_type": "{{linkType switch { LinkType.LinkOnly => "link_only", LinkType.LinkAndDedupe => "link_and_dedupe", _ => "dedupe_only" }}}",
          "id_column": "id",
          "comparisons": [
            { "name": "nhs", "column": "nhs", "identifier": "nhs_number",
              "levels": [ { "type": "identifier_agree", "m": 0.9, "u": 0.000001 }, { "type": "identifier_disagree", "m": 0.001, "u": 0.99 } ] },
            { "name": "given", "column": "given",
              "levels": [ { "type": "exact" }, { "type": "name_variant" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "family", "column": "family", "term_frequency": true,
              "levels": [ { "type": "exact" }, { "type": "jaro_winkler", "threshold": 0.88 } ] },
            { "name": "dob", "column": "dob",
              "levels": [ { "type": "exact" }, { "type": "date_day_month_swapped" }, { "type": "date_within_years", "years": 1 } ] },
            { "name": "postcode", "column": "postcode",
              "levels": [ { "type": "exact" }, { "type": "postcode_sector" }, { "type": "postcode_district" } ] }
          ],
          "blocking_rules": [ ["family"], ["dob"], ["postcode"] ],
          "training": { "seed": 7, "u_max_pairs": 20000 {{(prior is null ? "" : $", \"probability_two_random_records_match\": {prior.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")}} },
          "clustering": { "threshold": 0.9, "reject_below": {{rejectBelow.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
        }
        """;

    /// <summary>A table from rows of (source, id, nhs, given, family, dob, postcode).</summary>
    public static RecordTable Table(params string?[][] rows)
    {
        var table = new RecordTable(Columns);
        foreach (var row in rows)
        {
            table.Add(row[0]!, row[1]!, [row[1], .. row[2..]]);
        }

        return table;
    }

    /// <summary>A synthetic population: each person has two or three records with small typos, plus unrelated people.</summary>
    public static RecordTable Population(int people, int seed)
    {
        var random = new Random(seed);
        string[] given = ["james", "oliver", "amelia", "olivia", "harry", "isla", "jack", "emily", "george", "ava", "noah", "mia", "leo", "grace", "arthur", "freya", "muhammad", "lily", "oscar", "ella"];
        string[] family = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "wright", "khan", "walker", "thompson", "robinson", "wood", "hughes", "green", "lewis", "clarke", "hall", "okafor", "nowak", "kowalski", "begum", "ahmed"];
        var table = new RecordTable(Columns);
        for (var p = 0; p < people; p++)
        {
            var g = given[random.Next(given.Length)];
            var f = family[random.Next(family.Length)];
            var dob = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 80)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var postcode = $"M{random.Next(1, 40)}{random.Next(0, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
            var copies = 2 + random.Next(2);
            for (var c = 0; c < copies; c++)
            {
                var gg = c > 0 && random.Next(5) == 0 ? Typo(g, random) : g;
                var ff = c > 0 && random.Next(5) == 0 ? Typo(f, random) : f;
                var pc = c > 0 && random.Next(4) == 0 ? null : postcode;
                table.Add($"s{c}", $"p{p}-r{c}", [$"p{p}-r{c}", null, gg, ff, dob, pc]);
            }
        }

        return table;
    }

    private static string Typo(string s, Random random)
    {
        var i = random.Next(s.Length);
        return s[..i] + (char)('a' + random.Next(26)) + s[(i + 1)..];
    }
}
