namespace GmConnect.Governance.Decisions;

/// <summary>
/// Who is asking, from which organisation, in which role, for which purpose, to do what. These come from the
/// signed-in practitioner's token; Governance checks them against its registries rather than trusting them.
/// </summary>
/// <param name="PractitionerId">The practitioner's registry key.</param>
/// <param name="OrganisationId">The organisation the practitioner acts for, e.g. <c>dfe:352</c> or <c>ods:R0A</c>.</param>
/// <param name="Role">The role code the practitioner acts in, e.g. <c>social-worker</c>.</param>
/// <param name="Purpose">The purpose of use.</param>
/// <param name="Action">Read or search.</param>
/// <param name="RequestId">The caller's request id (X-Request-ID), carried into the audit trail.</param>
public sealed record AccessRequest(
    string PractitionerId,
    string OrganisationId,
    string Role,
    Purpose Purpose,
    AccessAction Action,
    string? RequestId = null);
