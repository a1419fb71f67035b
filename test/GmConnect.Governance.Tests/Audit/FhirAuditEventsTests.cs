using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Tests.Audit;

public sealed class FhirAuditEventsTests
{
    [Fact]
    public void ToAuditEvent_Entry_HasR4RequiredElementsAndBalpAgentsAndEntities()
    {
        var entry = AuditSamples.Chain(5)[4];

        var audit = FhirAuditEvents.ToAuditEvent(entry);

        // R4 AuditEvent requires type, recorded, agent (1..*) and source.
        Assert.Equal("AuditEvent", (string?)audit["resourceType"]);
        Assert.Equal("rest", (string?)audit["type"]!["code"]);
        Assert.Equal("2026-11-28T09:00:05.000003Z", (string?)audit["recorded"]);
        Assert.NotNull(audit["source"]!["observer"]);
        Assert.Equal("E", (string?)audit["action"]);
        var user = audit["agent"]![0]!;
        Assert.True((bool)user["requestor"]!);
        Assert.Equal("IRCP", (string?)user["type"]!["coding"]![0]!["code"]);
        Assert.Equal("direct-care", (string?)user["purposeOfUse"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("req-5", (string?)audit["entity"]![0]!["what"]!["identifier"]!["value"]);
        Assert.Equal("Patient/person-1", (string?)audit["entity"]![1]!["what"]!["reference"]);
        Assert.Equal("rec-5", (string?)audit["entity"]![2]!["what"]!["identifier"]!["value"]);
        var extensions = audit["extension"]!.AsArray().Select(x => ((string?)x!["url"], (string?)x["valueString"])).ToArray();
        Assert.Contains((FhirAuditEvents.ExtensionBase + "hash", entry.Hash), extensions);
        Assert.Contains((FhirAuditEvents.ExtensionBase + "previous-hash", entry.PreviousHash), extensions);
        Assert.Contains((FhirAuditEvents.ExtensionBase + "break-glass", "bg-5"), extensions);
    }

    [Fact]
    public void ToBundle_Entries_IsASearchsetWithOneEntryEach()
    {
        var bundle = FhirAuditEvents.ToBundle(AuditSamples.Chain(3));

        Assert.Equal("searchset", (string?)bundle["type"]);
        Assert.Equal(3, (int)bundle["total"]!);
        Assert.Equal(3, bundle["entry"]!.AsArray().Count);
    }
}
