namespace GmConnect.Governance.SubjectAccess;

/// <summary>One look at the person's data, from the audit trail.</summary>
/// <param name="When">When.</param>
/// <param name="PractitionerId">Who (key).</param>
/// <param name="PractitionerName">Who (name, from the registry).</param>
/// <param name="OrganisationId">For which organisation.</param>
/// <param name="OrganisationName">Its name.</param>
/// <param name="Role">In which role.</param>
/// <param name="Purpose">For which purpose.</param>
/// <param name="Event">What kind of event (read, search, break-glass-opened…).</param>
/// <param name="Shown">How many of the person's records were shown.</param>
/// <param name="Withheld">How many of the person's records were withheld.</param>
/// <param name="BreakGlassSessionId">The break-glass session used, if any.</param>
/// <param name="AuditSequence">The audit entry, for the IG officer to look up.</param>
public sealed record AccessLine(
    DateTimeOffset When,
    string? PractitionerId,
    string? PractitionerName,
    string? OrganisationId,
    string? OrganisationName,
    string? Role,
    string? Purpose,
    string Event,
    int Shown,
    int Withheld,
    string? BreakGlassSessionId,
    long AuditSequence);
