using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Matching;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Tests.Index;

/// <summary>
/// Real-time matching scores a probe against candidates from the values the index holds (prepared once, when each record
/// arrived) instead of parsing and normalising every candidate again. Whatever the records, the scores must be exactly
/// those of preparing the probe and its candidates together from their raw fields, as before.
/// </summary>
public sealed class PreparedScoringTests
{
    private static readonly LinkageSettings Settings = TestData.Config("uk-person.json");

    private static readonly string[] Given = ["Jayden", "jayden ", "JAYDEN", "Jaden", "Zoë", "Zoe", "Mohammed", "Muhammad", "Jim", "James", "Ann-Marie", "Anne Marie", "", "Ellie"];
    private static readonly string[] Family = ["Ashworth", "ashworth", "Ash-Worth", "O'Brien", "OBrien", "Khan", "Kahn", "Smith", "Smyth", "Nowak", "Nówak", ""];
    private static readonly string[] Postcodes = ["M1 1AA", "m11aa", "M1 1AB", "M13 0PL", "M130PL", "OL1 3AB", "SK4", "", "XX"];
    private static readonly string[] Nhs = ["9434765919", "943 476 5919", "9434765918", "4010232137", "", "123"];

    private static IdentityRecord Random(Random random, int i) => new()
    {
        Source = i % 3 == 0 ? "gp:test" : "la:test",
        RecordId = "r" + i,
        GivenName = Pick(random, Given),
        MiddleNames = random.Next(4) == 0 ? Pick(random, Given) : null,
        FamilyName = Pick(random, Family),
        Sex = random.Next(5) switch { 0 => null, 1 => "U", 2 or 3 => "M", _ => "F" },
        DateOfBirth = random.Next(6) == 0 ? null : new DateOnly(1980 + random.Next(3), 1 + random.Next(12), 1 + random.Next(12)),
        Postcode = Pick(random, Postcodes),
        NhsNumber = Pick(random, Nhs),
        Address = random.Next(3) == 0 ? null : $"{random.Next(1, 9)} {Pick(random, Family)} Road",
    };

    private static string? Pick(Random random, string[] values) => values[random.Next(values.Length)] is { Length: > 0 } v ? v : null;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Score_FromIndexValues_EqualsPreparingFromRawFields(int seed)
    {
        var random = new Random(seed);
        var records = Enumerable.Range(0, 300).Select(i => Random(random, i)).ToArray();
        var scorer = new ProbeScorer(Settings, DefaultModel.FromSettings(Settings));
        var index = new PersonIndex(Settings, scorer.Columns);
        var features = index.Describe(records);
        var indexed = new List<IndexedRecord>();
        for (var i = 0; i < records.Length; i++)
        {
            var person = index.AddPerson("p" + i);
            var record = new IndexedRecord(records[i], 1, "h" + i, new StoredLink(person.Id, new LinkProvenance(LinkMethod.Founding, null, null, null, DateTimeOffset.UnixEpoch), i), features[i]);
            index.Add(record);
            indexed.Add(record);
        }

        for (var p = 0; p < 40; p++)
        {
            var probe = Random(random, 1000 + p) with { Source = "probe", RecordId = "q" + p };
            var probeFeatures = index.Describe(probe);
            var rows = indexed.OrderBy(_ => random.Next()).Take(1 + random.Next(120)).ToList();

            var raw = scorer.Score(RecordColumns.Table(scorer.Columns, rows.Select(r => r.Record).Prepend(probe)), index.Frequency);
            var fromIndex = scorer.Score(index.Prepared(probeFeatures, rows), index.Frequency);

            Assert.Equal(raw.Weights, fromIndex.Weights);
            for (var row = 1; row <= rows.Count; row++)
            {
                Assert.Equal(raw.IsVetoed(row), fromIndex.IsVetoed(row));
                Assert.Equal(raw.HasConflictingIdentifier(row), fromIndex.HasConflictingIdentifier(row));
                Assert.Equal(raw.Why(row), fromIndex.Why(row));
            }
        }
    }
}
