using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;
using GmConnect.Governance.Sensitivity;
using Microsoft.Extensions.Time.Testing;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Filtering;

public sealed class QueryFilterTests
{
    private readonly DecisionEngine _engine = new(new PolicyState(Snapshot()), new RegionalClock(new FakeTimeProvider(Now), "Europe/London"));

    private static readonly AccessRequest Clinician = new("clin-trust", Trust, "clinician", Purpose.DirectCare, AccessAction.Search);

    [Fact]
    public void Apply_MixedCandidates_CountsOnlyPermittedAndGroupsWithheldByCategory()
    {
        var subjects = Subjects(("p1", SensitivityLabels.None, true), ("p2", SensitivityLabels.None, false));
        Candidate<string>[] candidates =
        [
            Candidate("a", "p1", La1, "care-plan"),
            Candidate("b", "p1", La1, "gp-summary"),
            Candidate("c", "p1", Police, "police-incident"),          // purpose not in agreement
            Candidate("d", "p2", La1, "care-plan"),                   // no involvement
            Candidate("e", "p1", La1, "care-plan", SensitivityLabels.Sealed), // concealed
        ];

        var (result, _) = Apply(candidates, subjects, QueryKind.ByPerson, PageRequest.All);

        Assert.Equal(["a", "b"], result.Items.Select(i => i.Item));
        Assert.Equal(2, result.Total);
        Assert.Equal(2, result.WithheldCount);
        Assert.Equal(1, result.Withheld[ReasonCategory.Agreement]);
        Assert.Equal(1, result.Withheld[ReasonCategory.Relationship]);
        Assert.False(result.Withheld.ContainsKey(ReasonCategory.Sensitivity));
    }

    [Fact]
    public void Apply_MixedCandidates_GroupsWithheldByCategoryAndCustodianWithWhatBreakGlassCouldOpen()
    {
        var subjects = Subjects(("p1", SensitivityLabels.None, true), ("p2", SensitivityLabels.None, false));
        Candidate<string>[] candidates =
        [
            Candidate("a", "p1", La1, "care-plan"),
            Candidate("c1", "p1", Police, "police-incident"),         // purpose not in agreement
            Candidate("c2", "p2", Police, "police-incident"),         // purpose not in agreement
            Candidate("d", "p2", La1, "care-plan"),                   // no involvement: break-glass may open it
            Candidate("e", "p2", La1, "care-plan", SensitivityLabels.Sealed), // concealed: in no group
        ];

        var (result, _) = Apply(candidates, subjects, QueryKind.ByPerson, PageRequest.All);

        Assert.Equal(
            [new WithheldGroup(ReasonCategory.Agreement, Police, 2, 0), new WithheldGroup(ReasonCategory.Relationship, La1, 1, 1)],
            result.WithheldGroups);
        Assert.Equal(result.WithheldCount, result.WithheldGroups.Sum(g => g.Count));
        Assert.Equal(1, result.BreakGlassMayOverride);
    }

    [Fact]
    public void Apply_Paging_IsAppliedAfterTheDecisionSoTotalsDoNotLeak()
    {
        var subjects = Subjects(("p1", SensitivityLabels.None, true), ("p2", SensitivityLabels.None, false));
        var candidates = Enumerable.Range(0, 10)
            .Select(i => Candidate("r" + i, i % 2 == 0 ? "p1" : "p2", La1, "care-plan"))
            .ToArray();

        var (page, _) = Apply(candidates, subjects, QueryKind.ByPerson, new PageRequest(Offset: 2, Limit: 2));

        Assert.Equal(["r4", "r6"], page.Items.Select(i => i.Item));
        Assert.Equal(5, page.Total);
        Assert.Equal(5, page.WithheldCount);
    }

    [Fact]
    public void Apply_AddressSearch_NeverReturnsOrCountsProtectedAddressPerson()
    {
        var subjects = Subjects(("hidden", SensitivityLabels.ProtectedAddress, true), ("plain", SensitivityLabels.None, true));
        Candidate<string>[] candidates = [Candidate("h", "hidden", La1, "demographics"), Candidate("p", "plain", La1, "demographics")];

        var (result, decided) = Apply(candidates, subjects, QueryKind.Address, PageRequest.All);

        Assert.Equal(["p"], result.Items.Select(i => i.Item));
        Assert.Equal(1, result.Total);
        Assert.Equal(0, result.WithheldCount);
        Assert.Equal("protected-address-search", decided[0].Decision.PrimaryReason.Code);
        Assert.True(decided[0].Silent);
    }

    [Fact]
    public void Apply_AddressSearch_ProtectedRecordLabelAlsoExcludes()
    {
        var subjects = Subjects(("p1", SensitivityLabels.None, true));

        var (result, _) = Apply([Candidate("x", "p1", La1, "demographics", SensitivityLabels.ProtectedAddress)], subjects, QueryKind.Address, PageRequest.All);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.Total + result.WithheldCount);
    }

    [Fact]
    public void Apply_DemographicSearch_ReturnsProtectedAddressPersonRedacted()
    {
        var subjects = Subjects(("hidden", SensitivityLabels.ProtectedAddress, true));

        var (result, _) = Apply([Candidate("h", "hidden", La1, "demographics")], subjects, QueryKind.Demographic, PageRequest.All);

        var item = Assert.Single(result.Items);
        Assert.Equal(DecisionOutcome.Redact, item.Decision.Outcome);
        Assert.Contains(RedactedField.Address, item.Decision.RedactedFields);
    }

    [Fact]
    public void Apply_NegativeOffset_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Apply([], Subjects(), QueryKind.ByPerson, new PageRequest(-1, 1)));
    }

    private (FilterResult<string> Result, DecidedCandidate[] Decided) Apply(
        IReadOnlyList<Candidate<string>> candidates, Dictionary<string, SubjectPolicy> subjects, QueryKind kind, PageRequest page) =>
        QueryFilter.Apply(candidates, kind, page, r => subjects[r.PersonId], (r, s) => _engine.Decide(Clinician, r, s));

    private static Candidate<string> Candidate(string item, string person, string custodian, string category, SensitivityLabels labels = SensitivityLabels.None) =>
        new(item, new GovernedResource("res-" + item, person, custodian, category, labels));

    private static Dictionary<string, SubjectPolicy> Subjects(params (string Person, SensitivityLabels Labels, bool TrustInvolved)[] people) =>
        people.ToDictionary(
            p => p.Person,
            p => new SubjectPolicy(p.Person, p.Labels, [], p.TrustInvolved ? [new(p.Person, Trust, new DateOnly(2026, 1, 1))] : [], []));
}
