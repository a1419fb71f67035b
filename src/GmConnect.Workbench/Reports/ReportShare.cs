namespace GmConnect.Workbench.Reports;

/// <summary>
/// A report shared with a named practitioner or with a group. A group is an organisation of Governance's registry
/// (everyone signed in for it) or a role within one (everyone signed in for it in that role): the claims every
/// signed-in user already carries, so a share follows people as Governance's registry moves them.
/// </summary>
public sealed record ReportShare(ReportShareKind Kind, string? PractitionerId, string? OrganisationId, string? Role)
{
    /// <summary>Who granted it and when (set by the library).</summary>
    public string GrantedBy { get; init; } = "";

    public DateTimeOffset GrantedAt { get; init; }

    /// <summary>The share's key within its report: <c>person:ID</c>, <c>organisation:ORG</c> or <c>role:ORG:ROLE</c>.</summary>
    public string Key => Kind switch
    {
        ReportShareKind.Person => "person:" + PractitionerId,
        ReportShareKind.Organisation => "organisation:" + OrganisationId,
        _ => "role:" + OrganisationId + ":" + Role,
    };

    public static ReportShare WithPerson(string practitionerId) => new(ReportShareKind.Person, practitionerId, null, null);

    public static ReportShare WithOrganisation(string organisationId) => new(ReportShareKind.Organisation, null, organisationId, null);

    public static ReportShare WithRole(string organisationId, string role) => new(ReportShareKind.Role, null, organisationId, role);

    /// <summary>Whether the share names exactly what its kind needs.</summary>
    public bool IsValid() => Kind switch
    {
        ReportShareKind.Person => !string.IsNullOrWhiteSpace(PractitionerId) && OrganisationId is null && Role is null,
        ReportShareKind.Organisation => PractitionerId is null && !string.IsNullOrWhiteSpace(OrganisationId) && Role is null,
        ReportShareKind.Role => PractitionerId is null && !string.IsNullOrWhiteSpace(OrganisationId) && !string.IsNullOrWhiteSpace(Role),
        _ => false,
    };
}
