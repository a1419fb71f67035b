using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Relationships;

namespace GmConnect.Governance.Benchmarks;

/// <summary>
/// Decision cost for a practitioner whose organisation has 50 agreements in force (plus 450 other agreements in the
/// region): one decision per pointer, and a 100-pointer query filtered before paging.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class DecisionBenchmarks
{
    private const int Partners = 50;
    private DecisionEngine _engine = null!;
    private AccessRequest _request = null!;
    private GovernedResource _pointer = null!;
    private SubjectPolicy _subject = null!;
    private Candidate<int>[] _candidates = null!;
    private Dictionary<string, SubjectPolicy> _subjects = null!;

    [GlobalSetup]
    public void Setup()
    {
        var organisations = Enumerable.Range(0, 600).Select(i => new Organisation($"ods:B{i:D4}", "Org " + i, OrganisationKind.NhsTrust, "ig@x.example")).ToList();
        var requester = organisations[0].Id;
        string[] categories = ["care-plan", "gp-summary", "child-protection-plan", "police-incident", "ehcp", "demographics", "crisis-plan", "school-attendance"];
        var agreements = new List<SharingAgreement>();
        for (var i = 1; i <= 500; i++)
        {
            // The first 50 name the requester's organisation; all are multi-party, as regional agreements are.
            string[] parties = i <= Partners ? [requester, organisations[i].Id, organisations[i + 100].Id] : [organisations[i % 600].Id, organisations[(i + 7) % 600].Id];
            agreements.Add(new SharingAgreement($"isa-{i}", "Agreement " + i, parties, categories,
                [Purpose.DirectCare, Purpose.Safeguarding], ["uk-gdpr-6-1-e", "uk-gdpr-9-2-h", "children-act-1989-s47"],
                new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), AgreementStatus.Signed,
                [.. parties.Select(p => new Signatory(p, "S", "SIRO", new DateOnly(2025, 1, 1)))], IncludesRestricted: i % 2 == 0));
        }

        RoleDefinition[] roles = [new("clinician", "Clinician", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.BreakGlass)];
        Practitioner[] practitioners = [new("p-1", "Practitioner", [new PractitionerRole(requester, "clinician")])];
        var state = new PolicyState(new PolicySnapshot(organisations, roles, practitioners, agreements));
        _engine = new DecisionEngine(state, new RegionalClock(new FixedTime(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)), "Europe/London"));
        _request = new AccessRequest("p-1", requester, "clinician", Purpose.DirectCare, AccessAction.Search);
        _pointer = new GovernedResource("ptr-1", "person-1", organisations[37].Id, "crisis-plan");
        _subject = Subject("person-1", requester);
        _candidates = Enumerable.Range(0, 100)
            .Select(i => new Candidate<int>(i, new GovernedResource("ptr-" + i, "person-" + (i % 5), organisations[1 + (i % 120)].Id, categories[i % categories.Length])))
            .ToArray();
        _subjects = Enumerable.Range(0, 5).ToDictionary(i => "person-" + i, i => Subject("person-" + i, requester));
    }

    [Benchmark(Description = "Decide: one pointer, 50 agreements in force")]
    public Decision DecideOnePointer() => _engine.Decide(_request, _pointer, _subject);

    [Benchmark(Description = "Filter: 100 pointers, 5 persons, page of 20", OperationsPerInvoke = 100)]
    public int FilterHundredPointers()
    {
        var (result, _) = QueryFilter.Apply(_candidates, QueryKind.ByPerson, new PageRequest(0, 20), r => _subjects[r.PersonId], (r, s) => _engine.Decide(_request, r, s));
        return result.Total;
    }

    private static SubjectPolicy Subject(string person, string requester) => new(
        person,
        Sensitivity.SensitivityLabels.None,
        [new ConsentDirective("d1", person, DirectiveKind.Objection, "ehcp", null, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "x"),
         new ConsentDirective("d2", person, DirectiveKind.NationalDataOptOut, null, null, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "x")],
        [new Involvement(person, requester, new DateOnly(2026, 1, 1)), new Involvement(person, "ods:B0099", new DateOnly(2025, 1, 1))],
        []);

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
