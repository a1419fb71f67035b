using GmConnect.Governance.Registries;
using GmConnect.Governance.Sensitivity;
using GmConnect.Locator.RecordTypes;

namespace GmConnect.Locator.Tests.RecordTypes;

public sealed class RecordTypeRegistryTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "configs", "locator", "record-types.json");

    [Fact]
    public void Load_ShippedFile_HasTheFourteenTypesOfTheIssueAndAnAeAttendance()
    {
        var registry = RecordTypeRegistry.Load(Shipped);

        // The issue's fourteen, and the A&E attendance of the CP-IS demo (published by NHS trusts).
        Assert.Equal(15, registry.Types.Count);
        Assert.True(registry.Find("ae-attendance")!.MayBePublishedBy(OrganisationKind.NhsTrust));
        Assert.False(registry.Find("ae-attendance")!.MayBePublishedBy(OrganisationKind.LocalAuthority));
        Assert.Equal(Restricted("domestic-abuse-notification"), registry.Find("domestic-abuse-notification")!.Sensitivity);
        Assert.True(registry.Find("police-incident")!.MayBePublishedBy(OrganisationKind.Police));
        Assert.False(registry.Find("child-protection-plan")!.MayBePublishedBy(OrganisationKind.Police));
        Assert.All(registry.Types, t => Assert.NotNull(registry.FindCategory(t.Category)));

        static SensitivityLabels Restricted(string _) => SensitivityLabels.Restricted;
    }

    [Fact]
    public void Parse_BadValuesAndUnknownKeys_ReportsEachWithItsJsonPath()
    {
        const string json = """
            {
              "categories": [ { "code": "health", "display": "Health", "colour": "red" } ],
              "recordTypes": [
                { "code": "a", "display": "A", "category": "health", "sharingCategory": "a", "sensitivity": ["secret"], "retentionClass": "forever", "publishers": ["council"] },
                { "code": "b", "display": "B", "category": "nowhere", "sharingCategory": "b", "sensitivity": [], "retentionClass": "police-review", "publishers": ["police"] },
                { "code": "b", "display": "B", "category": "health", "sharingCategory": "b", "sensitivity": [], "retentionClass": "police-review", "publishers": [] }
              ],
              "extra": 1
            }
            """;

        var problems = Assert.Throws<RecordTypesException>(() => RecordTypeRegistry.Parse(json)).Problems;

        Assert.Contains(problems, p => p.StartsWith("$.extra: unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.categories[0].colour: unknown key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[0].sensitivity[0]: unknown label 'secret'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[0].retentionClass: unknown retention class 'forever'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[0].publishers[0]: unknown organisation kind", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[1].category: unknown category 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[2].publishers: at least one", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.recordTypes[2].code: duplicate record type 'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingField_ReportsItRequired()
    {
        var problems = Assert.Throws<RecordTypesException>(() => RecordTypeRegistry.Parse("""{ "categories": [], "recordTypes": [ { "code": "a" } ] }""")).Problems;

        Assert.Contains("$.recordTypes[0].display: required", problems);
        Assert.Contains("$.recordTypes[0].publishers: required", problems);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Assert.Throws<RecordTypesException>(() => RecordTypeRegistry.Load(Path.Combine(Path.GetTempPath(), "no-such-record-types.json")));
    }
}
