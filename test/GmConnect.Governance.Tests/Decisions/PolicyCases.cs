using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using static GmConnect.Governance.Tests.World;

namespace GmConnect.Governance.Tests.Decisions;

/// <summary>
/// The policy as a table: each row is a request, a resource, what is known about the person, and the outcome
/// and reason codes the engine must give. Every rule has a permit row and a deny row.
/// </summary>
internal static class PolicyCases
{
    public const string Person = "person-1";

    public static IReadOnlyDictionary<string, PolicyCase> All { get; } = Build();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static AccessRequest Sw(Purpose purpose = Purpose.DirectCare) => new("sw-la1", La1, "social-worker", purpose, AccessAction.Read);

    public static AccessRequest Clinician(Purpose purpose = Purpose.DirectCare) => new("clin-trust", Trust, "clinician", purpose, AccessAction.Read);

    public static GovernedResource Record(string custodian, string category, SensitivityLabels labels = SensitivityLabels.None, string id = "rec-1") =>
        new(id, Person, custodian, category, labels);

    public static SubjectPolicy Subject(
        SensitivityLabels labels = SensitivityLabels.None,
        ConsentDirective[]? directives = null,
        Involvement[]? involvements = null,
        BreakGlassSession[]? sessions = null) =>
        new(Person, labels, directives ?? [], involvements ?? [], sessions ?? []);

    public static Involvement Involved(string organisation, DateOnly? from = null, DateOnly? to = null) =>
        new(Person, organisation, from ?? new DateOnly(2026, 1, 1), to);

    public static ConsentDirective Directive(
        DirectiveKind kind, string? category = null, Purpose? purpose = null, string? recipient = null,
        DateTimeOffset? recorded = null, DateTimeOffset? withdrawn = null) =>
        new("d-" + kind, Person, kind, category, purpose, recipient, recorded ?? Now.AddDays(-10), "sw-la1", withdrawn);

    public static BreakGlassSession Session(
        string practitioner = "clin-trust", string organisation = Trust, Purpose purpose = Purpose.DirectCare,
        DateTimeOffset? opened = null, TimeSpan? length = null)
    {
        var at = opened ?? Now.AddHours(-1);
        return new BreakGlassSession("bg-1", practitioner, organisation, "clinician", purpose, Person,
            BreakGlassJustification.ImminentRiskToLife, "Unconscious patient, no history available", at, at + (length ?? TimeSpan.FromHours(4)));
    }

    private static Dictionary<string, PolicyCase> Build()
    {
        var involvedTrust = new[] { Involved(Trust) };
        var cases = new Dictionary<string, PolicyCase>(StringComparer.Ordinal);
        void Add(string name, AccessRequest request, GovernedResource resource, SubjectPolicy subject, DecisionOutcome outcome, params string[] reasons) =>
            cases.Add(name, new PolicyCase(request, resource, subject, outcome, reasons));

        // Rule 1: the requester.
        Add("requester: unknown practitioner", Sw() with { PractitionerId = "nobody" }, Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "practitioner-unknown");
        Add("requester: inactive practitioner", Sw() with { PractitionerId = "left" }, Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "practitioner-unknown");
        Add("requester: role not held", Sw() with { Role = "clinician" }, Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "role-not-held");
        Add("requester: other organisation claimed", Sw() with { OrganisationId = Trust }, Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "role-not-held");
        Add("requester: unknown role", Sw() with { Role = "wizard" }, Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "role-not-held");
        Add("requester: purpose not allowed to role", Sw(Purpose.SecondaryUse), Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "purpose-not-permitted-for-role(secondary-use)");
        Add("requester: second hat held", new AccessRequest("two-hats", Trust, "clinician", Purpose.DirectCare, AccessAction.Read), Record(Trust, "care-plan"), Subject(), DecisionOutcome.Permit, "own-organisation");

        // Own organisation.
        Add("own: custodian reads own record", Sw(), Record(La1, "anything"), Subject(), DecisionOutcome.Permit, "own-organisation");
        Add("own: objection does not stop the custodian", Sw(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection)]), DecisionOutcome.Permit, "own-organisation");

        // Rule 2: sealed.
        Add("sealed: other organisation", Clinician(), Record(La1, "care-plan", SensitivityLabels.Sealed), Subject(involvements: involvedTrust), DecisionOutcome.Deny, "sealed");
        Add("sealed: custodian without adoption role", Sw(), Record(La1, "adoption-record", SensitivityLabels.Sealed), Subject(), DecisionOutcome.Deny, "sealed");
        Add("sealed: custodian adoption service", new AccessRequest("adopt-la1", La1, "adoption-social-worker", Purpose.DirectCare, AccessAction.Read), Record(La1, "adoption-record", SensitivityLabels.Sealed), Subject(), DecisionOutcome.Permit, "own-organisation");
        Add("sealed: adoption service of another organisation", new AccessRequest("adopt-raa", Raa, "adoption-social-worker", Purpose.DirectCare, AccessAction.Read), Record(La1, "adoption-record", SensitivityLabels.Sealed), Subject(), DecisionOutcome.Deny, "sealed");
        Add("sealed: person label seals every record", Clinician(), Record(La1, "care-plan"), Subject(SensitivityLabels.Sealed, involvements: involvedTrust), DecisionOutcome.Deny, "sealed");
        Add("sealed: break-glass does not open it", Clinician(), Record(La1, "care-plan", SensitivityLabels.Sealed), Subject(involvements: involvedTrust, sessions: [Session()]), DecisionOutcome.Deny, "sealed");

        // Rule 3: agreements.
        Add("agreement: in force", Clinician(), Record(La1, "care-plan"), Subject(involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("agreement: none between the organisations", new AccessRequest("officer", Police, "police-officer", Purpose.CrimePrevention, AccessAction.Read), Record(Gp, "gp-summary"), Subject(), DecisionOutcome.Deny, "no-agreement");
        Add("agreement: expired by date", new AccessRequest("sw-la2", La2, "social-worker", Purpose.DirectCare, AccessAction.Read), Record(La1, "care-plan"), Subject(involvements: [Involved(La2)]), DecisionOutcome.Deny, "agreement-expired");
        Add("agreement: expired by status", new AccessRequest("sw-la2", La2, "social-worker", Purpose.DirectCare, AccessAction.Read), Record(Trust, "care-plan"), Subject(involvements: [Involved(La2)]), DecisionOutcome.Deny, "agreement-expired");
        Add("agreement: suspended", new AccessRequest("housing", Housing, "housing-officer", Purpose.Safeguarding, AccessAction.Read), Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "agreement-suspended");
        Add("agreement: not yet started", Sw() with { }, Record(La3, "care-plan"), Subject(involvements: [Involved(La1)]), DecisionOutcome.Deny, "agreement-not-started");
        Add("agreement: draft only", new AccessRequest("victims", Victims, "victim-caseworker", Purpose.DirectCare, AccessAction.Read), Record(La1, "care-plan"), Subject(involvements: [Involved(Victims)]), DecisionOutcome.Deny, "agreement-not-signed");
        Add("agreement: purpose outside it", new AccessRequest("officer", Police, "police-officer", Purpose.CrimePrevention, AccessAction.Read), Record(La1, "child-protection-plan"), Subject(), DecisionOutcome.Deny, "purpose-not-in-agreement");
        Add("agreement: category outside it", Clinician(), Record(La1, "housing-tenancy"), Subject(involvements: involvedTrust), DecisionOutcome.Deny, "category-not-in-agreement");
        Add("agreement: last day is in force", new AccessRequest("gp-1", Gp, "gp", Purpose.DirectCare, AccessAction.Read), Record(Trust, "gp-summary-today"), Subject(involvements: [Involved(Gp)]), DecisionOutcome.Permit, "agreement-in-force(ends-today)");
        Add("agreement: first day is in force", Clinician(), Record(Gp, "gp-summary-today"), Subject(involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(ends-today)");
        Add("agreement: day after start still in force", Sw(Purpose.Safeguarding), Record(Police, "police-incident"), Subject(), DecisionOutcome.Permit, "agreement-in-force(sg)");

        // Rule 4: the national data opt-out.
        var analyst = new AccessRequest("analyst-la3", La3, "analyst", Purpose.SecondaryUse, AccessAction.Search);
        Add("opt-out: secondary use without opt-out", analyst, Record(La2, "looked-after-episode"), Subject(), DecisionOutcome.Permit, "agreement-in-force(analysis)");
        Add("opt-out: secondary use with opt-out", analyst, Record(La2, "looked-after-episode"), Subject(directives: [Directive(DirectiveKind.NationalDataOptOut)]), DecisionOutcome.Deny, "national-data-opt-out");
        Add("opt-out: withdrawn opt-out", analyst, Record(La2, "looked-after-episode"), Subject(directives: [Directive(DirectiveKind.NationalDataOptOut, withdrawn: Now.AddDays(-1))]), DecisionOutcome.Permit, "agreement-in-force(analysis)");
        Add("opt-out: does not apply to direct care", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.NationalDataOptOut)], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");

        // Rule 5: consent as the basis.
        var caseworker = new AccessRequest("victims", Victims, "victim-caseworker", Purpose.DirectCare, AccessAction.Read);
        Add("consent: basis is consent, none given", caseworker, Record(Gp, "victim-case"), Subject(involvements: [Involved(Victims)]), DecisionOutcome.Deny, "consent-required(consent)");
        Add("consent: basis is consent, given", caseworker, Record(Gp, "victim-case"), Subject(directives: [Directive(DirectiveKind.Consent, purpose: Purpose.DirectCare)], involvements: [Involved(Victims)]), DecisionOutcome.Permit, "agreement-in-force(consent)");
        Add("consent: given to another organisation", caseworker, Record(Gp, "victim-case"), Subject(directives: [Directive(DirectiveKind.Consent, recipient: Trust)], involvements: [Involved(Victims)]), DecisionOutcome.Deny, "consent-required(consent)");

        // Rule 6: restricted.
        Add("restricted: agreement excludes restricted", Clinician(), Record(La1, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(involvements: involvedTrust), DecisionOutcome.Deny, "restricted");
        Add("restricted: agreement includes restricted", Clinician(Purpose.Safeguarding), Record(La1, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(), DecisionOutcome.Permit, "agreement-in-force(sg)");
        Add("restricted: never for secondary use", analyst, Record(La2, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(), DecisionOutcome.Deny, "restricted");
        Add("restricted: person label applies to records", Clinician(), Record(La1, "care-plan"), Subject(SensitivityLabels.Restricted, involvements: involvedTrust), DecisionOutcome.Deny, "restricted");
        Add("restricted: custodian sees own", Sw(), Record(La1, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(), DecisionOutcome.Permit, "own-organisation");

        // Rule 7: legitimate relationship for direct care.
        Add("relationship: none for direct care", Clinician(), Record(La1, "care-plan"), Subject(), DecisionOutcome.Deny, "no-current-involvement");
        Add("relationship: another organisation's involvement", Clinician(), Record(La1, "care-plan"), Subject(involvements: [Involved(Gp)]), DecisionOutcome.Deny, "no-current-involvement");
        Add("relationship: ended yesterday", Clinician(), Record(La1, "care-plan"), Subject(involvements: [Involved(Trust, to: Today.AddDays(-1))]), DecisionOutcome.Deny, "no-current-involvement");
        Add("relationship: ends today", Clinician(), Record(La1, "care-plan"), Subject(involvements: [Involved(Trust, to: Today)]), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("relationship: starts tomorrow", Clinician(), Record(La1, "care-plan"), Subject(involvements: [Involved(Trust, from: Today.AddDays(1))]), DecisionOutcome.Deny, "no-current-involvement");
        Add("relationship: not needed for safeguarding", Clinician(Purpose.Safeguarding), Record(La1, "child-protection-plan"), Subject(), DecisionOutcome.Permit, "agreement-in-force(sg)");

        // Rule 8: objections and the statutory override.
        Add("objection: to all sharing", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection)], involvements: involvedTrust), DecisionOutcome.Deny, "objection");
        Add("objection: to this category", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, category: "care-plan")], involvements: involvedTrust), DecisionOutcome.Deny, "objection");
        Add("objection: to another category", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, category: "gp-summary")], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("objection: to another purpose", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, purpose: Purpose.SecondaryUse)], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("objection: to another recipient", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, recipient: Gp)], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("objection: withdrawn", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, withdrawn: Now.AddMinutes(-1))], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("objection: recorded in the future", Clinician(), Record(La1, "care-plan"), Subject(directives: [Directive(DirectiveKind.Objection, recorded: Now.AddMinutes(1))], involvements: involvedTrust), DecisionOutcome.Permit, "agreement-in-force(dc)");
        Add("objection: overridden for safeguarding under s.47", Clinician(Purpose.Safeguarding), Record(La1, "child-protection-plan"), Subject(directives: [Directive(DirectiveKind.Objection)]), DecisionOutcome.Permit, "agreement-in-force(sg)", "objection-overridden-by-statute(children-act-1989-s47)");
        Add("objection: safeguarding without an overriding gateway", new AccessRequest("dsl", School, "designated-safeguarding-lead", Purpose.Safeguarding, AccessAction.Read), Record(La1, "child-protection-plan"), Subject(directives: [Directive(DirectiveKind.Objection)]), DecisionOutcome.Deny, "objection");

        // Rule 9: break-glass.
        Add("break-glass: overrides no involvement", Clinician(), Record(La1, "care-plan"), Subject(sessions: [Session()]), DecisionOutcome.Permit, "agreement-in-force(dc)", "break-glass(bg-1)", "no-current-involvement");
        Add("break-glass: overrides objection and restricted together", Clinician(), Record(La1, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(directives: [Directive(DirectiveKind.Objection)], sessions: [Session()]), DecisionOutcome.Permit, "agreement-in-force(dc)", "break-glass(bg-1)", "restricted", "no-current-involvement", "objection");
        Add("break-glass: all overridable denials are listed without one", Clinician(), Record(La1, "domestic-abuse-referral", SensitivityLabels.Restricted), Subject(directives: [Directive(DirectiveKind.Objection)]), DecisionOutcome.Deny, "restricted", "no-current-involvement", "objection");
        Add("break-glass: expired session", Clinician(), Record(La1, "care-plan"), Subject(sessions: [Session(opened: Now.AddHours(-5))]), DecisionOutcome.Deny, "no-current-involvement");
        Add("break-glass: session not yet open", Clinician(), Record(La1, "care-plan"), Subject(sessions: [Session(opened: Now.AddMinutes(1))]), DecisionOutcome.Deny, "no-current-involvement");
        Add("break-glass: someone else's session", Clinician(), Record(La1, "care-plan"), Subject(sessions: [Session(practitioner: "gp-1", organisation: Gp)]), DecisionOutcome.Deny, "no-current-involvement");
        Add("break-glass: session for another purpose", Clinician(), Record(La1, "care-plan"), Subject(sessions: [Session(purpose: Purpose.Safeguarding)]), DecisionOutcome.Deny, "no-current-involvement");
        Add("break-glass: does not replace an agreement", new AccessRequest("gp-1", Gp, "gp", Purpose.DirectCare, AccessAction.Read), Record(Police, "police-incident"), Subject(sessions: [Session(practitioner: "gp-1", organisation: Gp)]), DecisionOutcome.Deny, "no-agreement");

        // Rule 10: protected address.
        Add("protected address: redacted for a permitted reader", Clinician(), Record(La1, "demographics"), Subject(SensitivityLabels.ProtectedAddress, involvements: involvedTrust), DecisionOutcome.Redact, "protected-address-redacted", "agreement-in-force(dc)");
        Add("protected address: redacted even for the custodian", Sw(), Record(La1, "demographics", SensitivityLabels.ProtectedAddress), Subject(), DecisionOutcome.Redact, "protected-address-redacted", "own-organisation");
        Add("protected address: a denial stays a denial", Clinician(), Record(La1, "demographics"), Subject(SensitivityLabels.ProtectedAddress), DecisionOutcome.Deny, "no-current-involvement");
        return cases;
    }
}

/// <summary>One row of the policy table.</summary>
internal sealed record PolicyCase(AccessRequest Request, GovernedResource Resource, SubjectPolicy Subject, DecisionOutcome Outcome, string[] Reasons);
