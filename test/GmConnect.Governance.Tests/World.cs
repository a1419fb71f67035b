using GmConnect.Governance.Agreements;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Tests;

/// <summary>A small, fixed world of organisations, roles, practitioners and agreements for policy tests.</summary>
internal static class World
{
    public const string La1 = "dfe:352";
    public const string La2 = "dfe:355";
    public const string La3 = "dfe:350";
    public const string Trust = "ods:R0A";
    public const string Gp = "ods:P99001";
    public const string Police = "police:06";
    public const string Raa = "gmc:raa-demo";
    public const string Victims = "gmc:victim-services";
    public const string Housing = "gmc:housing-demo";
    public const string School = "urn:900001";
    public const string Exchange = "gmc:exchange";

    /// <summary>"Today" in every policy test: Saturday 28 November 2026, noon in London.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 28);

    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        new(La1, "Manchester City Council", OrganisationKind.LocalAuthority, "ig@la1.example"),
        new(La2, "Salford City Council", OrganisationKind.LocalAuthority, "ig@la2.example"),
        new(La3, "Bolton Council", OrganisationKind.LocalAuthority, "ig@la3.example"),
        new(Trust, "Manchester University NHS FT", OrganisationKind.NhsTrust, "ig@trust.example"),
        new(Gp, "Demo Medical Practice", OrganisationKind.GpPractice, "ig@gp.example"),
        new(Police, "Greater Manchester Police", OrganisationKind.Police, "ig@police.example"),
        new(Raa, "Demo Regional Adoption Agency", OrganisationKind.AdoptionAgency, "ig@raa.example"),
        new(Victims, "Victims' Services", OrganisationKind.VictimService, "ig@victims.example"),
        new(Housing, "Demo Housing", OrganisationKind.Housing, "ig@housing.example"),
        new(School, "Demo Primary School", OrganisationKind.School, "ig@school.example"),
        new(Exchange, "Exchange operator", OrganisationKind.LocalAuthority, "ig@exchange.example"),
    ];

    public static IReadOnlyList<RoleDefinition> Roles { get; } =
    [
        new("social-worker", "Social worker", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.BreakGlass),
        new("adoption-social-worker", "Adoption social worker", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.AdoptionService),
        new("clinician", "Clinician", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.BreakGlass),
        new("gp", "GP", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.BreakGlass),
        new("police-officer", "Police officer", [Purpose.Safeguarding, Purpose.CrimePrevention], RoleCapabilities.None),
        new("designated-safeguarding-lead", "DSL", [Purpose.Safeguarding], RoleCapabilities.None),
        new("housing-officer", "Housing officer", [Purpose.DirectCare, Purpose.Safeguarding], RoleCapabilities.None),
        new("victim-caseworker", "Victim caseworker", [Purpose.DirectCare], RoleCapabilities.None),
        new("analyst", "Analyst", [Purpose.SecondaryUse], RoleCapabilities.None),
        new("ig-officer", "IG officer", [], RoleCapabilities.InformationGovernance),
        new("administrator", "Administrator", [], RoleCapabilities.Administration | RoleCapabilities.InformationGovernance),
    ];

    public static IReadOnlyList<Practitioner> Practitioners { get; } =
    [
        new("sw-la1", "Social Worker One", [new(La1, "social-worker")]),
        new("sw-la2", "Social Worker Two", [new(La2, "social-worker")]),
        new("adopt-la1", "Adoption Worker", [new(La1, "adoption-social-worker")]),
        new("adopt-raa", "RAA Adoption Worker", [new(Raa, "adoption-social-worker")]),
        new("clin-trust", "Clinician", [new(Trust, "clinician")]),
        new("gp-1", "GP", [new(Gp, "gp")]),
        new("officer", "Officer", [new(Police, "police-officer")]),
        new("dsl", "DSL", [new(School, "designated-safeguarding-lead")]),
        new("housing", "Housing Officer", [new(Housing, "housing-officer")]),
        new("victims", "Caseworker", [new(Victims, "victim-caseworker")]),
        new("analyst-la3", "Analyst", [new(La3, "analyst")]),
        new("ig-la1", "IG Officer", [new(La1, "ig-officer")]),
        new("admin", "Administrator", [new(Exchange, "administrator")]),
        new("left", "Former Worker", [new(La1, "social-worker")], Active: false),
        new("two-hats", "Two Hats", [new(La1, "social-worker"), new(Trust, "clinician")]),
    ];

    public static IReadOnlyList<SharingAgreement> Agreements { get; } =
    [
        Agreement("dc", [La1, Trust, Gp], ["care-plan", "gp-summary", "demographics", "domestic-abuse-referral"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e", "uk-gdpr-9-2-h"], new(2025, 1, 1), null, AgreementStatus.Signed),
        Agreement("sg", [La1, Trust, Police], ["child-protection-plan", "police-incident", "domestic-abuse-referral", "care-plan"], [Purpose.Safeguarding],
            ["uk-gdpr-6-1-e", "children-act-1989-s47"], new(2025, 1, 1), new(2027, 12, 31), AgreementStatus.Signed, includesRestricted: true),
        Agreement("sg-school", [La1, School], ["school-attendance", "child-protection-plan"], [Purpose.Safeguarding],
            ["uk-gdpr-6-1-e"], new(2025, 1, 1), null, AgreementStatus.Signed),
        Agreement("expired-by-date", [La1, La2], ["care-plan"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e"], new(2024, 4, 1), new(2026, 11, 27), AgreementStatus.Signed),
        Agreement("expired-by-status", [La2, Trust], ["care-plan"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e"], new(2024, 4, 1), null, AgreementStatus.Expired),
        Agreement("suspended", [La1, Housing], ["care-plan"], [Purpose.DirectCare, Purpose.Safeguarding],
            ["uk-gdpr-6-1-e"], new(2025, 1, 1), null, AgreementStatus.Suspended),
        Agreement("not-started", [La1, La3], ["care-plan"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e"], new(2026, 11, 29), null, AgreementStatus.Signed),
        Agreement("draft", [La1, Victims], ["care-plan"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e"], new(2025, 1, 1), null, AgreementStatus.Draft),
        Agreement("analysis", [La2, La3], ["looked-after-episode", "domestic-abuse-referral"], [Purpose.SecondaryUse],
            ["uk-gdpr-6-1-e", "uk-gdpr-9-2-j"], new(2025, 1, 1), null, AgreementStatus.Signed, includesRestricted: true),
        Agreement("consent", [Gp, Victims], ["victim-case"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-a"], new(2025, 1, 1), null, AgreementStatus.Signed),
        Agreement("ends-today", [Trust, Gp], ["gp-summary-today"], [Purpose.DirectCare],
            ["uk-gdpr-6-1-e"], new(2026, 11, 28), new(2026, 11, 28), AgreementStatus.Signed),
    ];

    public static PolicySnapshot Snapshot() => new(Organisations, Roles, Practitioners, Agreements);

    public static SharingAgreement Agreement(
        string id, string[] parties, string[] categories, Purpose[] purposes, string[] bases, DateOnly start, DateOnly? end,
        AgreementStatus status, bool includesRestricted = false) =>
        new(id, "Agreement " + id, parties, categories, purposes, bases, start, end, status,
            status == AgreementStatus.Draft ? [] : [.. parties.Select(p => new Signatory(p, "Signatory " + p, "SIRO", start))],
            includesRestricted);
}
