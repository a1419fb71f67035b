using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Tests.Audit;

/// <summary>Builds audit records and chains for tests.</summary>
internal static class AuditSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static AuditRecord Record(int i, string person = "person-1", string practitioner = "sw-la1", string organisation = "dfe:352") =>
        new(
            i % 2 == 0 ? AuditEventType.Read : AuditEventType.Search,
            i % 3 == 0 ? "deny" : "permit",
            practitioner,
            organisation,
            "social-worker",
            "direct-care",
            "req-" + i,
            [person],
            [new AuditedResource("rec-" + i, person, "ods:R0A", "care-plan", i % 3 == 0 ? "deny" : "permit", ["agreement-in-force(dc)"])],
            WithheldCount: i % 3,
            BreakGlassSessionId: i % 5 == 0 ? "bg-" + i : null,
            Detail: "dc");

    public static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditChain.Seal(Record(i), i, "id-" + i, Start.AddSeconds(i).AddTicks(i * 7), previous);
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }
}
