using GmConnect.Identity.Index;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;
using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;

namespace GmConnect.Identity.Tests.Index;

/// <summary>
/// A blocking rule with a <c>missing(...)</c> condition in the real-time index: as in the batch engine, two records of
/// one name are candidates under it only when either lacks the date of birth — never two that both have one.
/// </summary>
public sealed class ConditionalBlockingTests
{
    // The shipped settings: the only rule two records of one name share when their postcodes and dates of birth
    // differ (or one lacks it) is ["family_name", "given_name", "missing(date_of_birth)"].
    private static readonly LinkageSettings Settings = TestData.Config("uk-person.json");

    private static IdentityRecord Record(string id, string postcode, DateOnly? born) => new()
    {
        Source = "test",
        RecordId = id,
        GivenName = "Jayden",
        FamilyName = "Ashworth",
        Sex = "M",
        DateOfBirth = born,
        Postcode = postcode,
    };

    private static (PersonIndex Index, Func<IdentityRecord, HashSet<string>> Candidates) IndexOf(params IdentityRecord[] records)
    {
        var index = new PersonIndex(Settings, new ProbeScorer(Settings, DefaultModel.FromSettings(Settings)).Columns);
        var features = index.Describe(records);
        for (var i = 0; i < records.Length; i++)
        {
            var person = index.AddPerson("p" + i);
            index.Add(new IndexedRecord(records[i], 1, "h" + i, new StoredLink(person.Id, new LinkProvenance(LinkMethod.Founding, null, null, null, DateTimeOffset.UnixEpoch), i), features[i]));
        }

        return (index, probe => [.. index.Candidates(index.Describe([probe])[0], 1000).Select(r => r.Key.RecordId)]);
    }

    [Fact]
    public void Candidates_ProbeWithDateOfBirth_FindsOnlyTheRecordWithout()
    {
        var (_, candidates) = IndexOf(Record("without", "M1 1AA", null), Record("with", "M2 2BB", new DateOnly(1990, 4, 2)));

        var found = candidates(Record("probe", "M3 3CC", new DateOnly(2001, 7, 9)));

        Assert.Equal(["without"], found);
    }

    [Fact]
    public void Candidates_ProbeWithoutDateOfBirth_FindsBoth()
    {
        var (_, candidates) = IndexOf(Record("without", "M1 1AA", null), Record("with", "M2 2BB", new DateOnly(1990, 4, 2)));

        var found = candidates(Record("probe", "M3 3CC", null));

        Assert.Equal(["with", "without"], found.Order(StringComparer.Ordinal));
    }
}
