using GmConnect.Governance.Decisions;
using GmConnect.Governance.Sensitivity;
using Microsoft.Extensions.Time.Testing;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Decisions;

public sealed class DecisionEngineTests
{
    private readonly DecisionEngine _engine = new(new PolicyState(Snapshot()), new RegionalClock(new FakeTimeProvider(Now), "Europe/London"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_PolicyTable_GivesOutcomeAndReasons(string name)
    {
        var row = PolicyCases.All[name];

        var decision = _engine.Decide(row.Request, row.Resource, row.Subject);

        Assert.Equal(row.Outcome, decision.Outcome);
        Assert.Equal(row.Reasons, decision.Reasons.Select(r => r.ToString()));
    }

    public static TheoryData<string> Cases() => PolicyCases.Names();

    [Fact]
    public void Decide_EveryReasonCode_IsExercisedByTheTable()
    {
        var engine = _engine;
        var seen = PolicyCases.All.Values
            .SelectMany(row => engine.Decide(row.Request, row.Resource, row.Subject).Reasons.Select(r => r.Reason))
            .ToHashSet();

        // protected-address-search is given by the query filter, not the engine (see QueryFilterTests).
        var missing = Enum.GetValues<ReasonCode>().Where(c => c != ReasonCode.ProtectedAddressSearch && !seen.Contains(c)).ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Decide_ProtectedAddress_ListsFieldsToRemove()
    {
        var decision = _engine.Decide(PolicyCases.Sw(), PolicyCases.Record(La1, "demographics", SensitivityLabels.ProtectedAddress), PolicyCases.Subject());

        Assert.Equal(["address", "telecom", "contact", "generalPractitioner"], decision.RedactedFields);
    }

    [Fact]
    public void Decide_SealedDenial_ConcealsExistenceButOtherDenialsDoNot()
    {
        var sealedDecision = _engine.Decide(PolicyCases.Clinician(), PolicyCases.Record(La1, "care-plan", SensitivityLabels.Sealed), PolicyCases.Subject());
        var noAgreement = _engine.Decide(PolicyCases.Clinician(), PolicyCases.Record(Police, "police-incident"), PolicyCases.Subject());

        Assert.True(sealedDecision.ConcealExistence);
        Assert.False(noAgreement.ConcealExistence);
        Assert.Equal(DecisionOutcome.Deny, noAgreement.Outcome);
    }

    [Fact]
    public void Decide_PermitUnderAgreement_NamesTheAgreement()
    {
        var decision = _engine.Decide(PolicyCases.Clinician(Purpose.Safeguarding), PolicyCases.Record(La1, "child-protection-plan"), PolicyCases.Subject());

        Assert.Equal("sg", decision.AgreementId);
        Assert.Null(decision.BreakGlassSessionId);
    }

    [Fact]
    public void Decide_BreakGlassPermit_NamesTheSession()
    {
        var decision = _engine.Decide(PolicyCases.Clinician(), PolicyCases.Record(La1, "care-plan"), PolicyCases.Subject(sessions: [PolicyCases.Session()]));

        Assert.Equal("bg-1", decision.BreakGlassSessionId);
    }

    [Fact]
    public void Decide_AgreementEndsAtMidnightLondonNotUtc()
    {
        // 23:30 UTC on 28 November is still 28 November in London (GMT): in force. In summer, 23:30 UTC
        // is already the next day in London (BST): the agreement that ended on the 28th is expired.
        var summer = new DateTimeOffset(2026, 7, 28, 23, 30, 0, TimeSpan.Zero);
        var agreement = Agreement("summer", [Trust, Gp], ["x"], [Purpose.DirectCare], ["uk-gdpr-6-1-e"], new(2026, 1, 1), new(2026, 7, 28), Agreements.AgreementStatus.Signed);
        var policy = new PolicyState(new PolicySnapshot(Organisations, Roles, Practitioners, [agreement]));
        var engine = new DecisionEngine(policy, new RegionalClock(new FakeTimeProvider(summer), "Europe/London"));
        var subject = PolicyCases.Subject(involvements: [PolicyCases.Involved(Trust)]);

        var decision = engine.Decide(PolicyCases.Clinician(), PolicyCases.Record(Gp, "x"), subject);

        Assert.Equal("agreement-expired", decision.PrimaryReason.Code);
    }

    [Fact]
    public void Decide_SubjectForAnotherPerson_Throws()
    {
        var subject = GmConnect.Governance.Decisions.SubjectPolicy.Empty("someone-else");

        Assert.Throws<ArgumentException>(() => _engine.Decide(PolicyCases.Sw(), PolicyCases.Record(La1, "care-plan"), subject));
    }
}
