using GmConnect.Governance.Administration;
using GmConnect.Server.Security;
using GmConnect.Workbench.Reports;

namespace GmConnect.Server.Workbench.Reports;

/// <summary>
/// Who asks, as reports need it (from the sign-in's claims), and names for the practitioners, organisations and roles
/// that reports are owned by and shared with (from Governance's registries; an id that is not there is shown as is).
/// </summary>
public sealed class ReportReaders(GovernanceAdministration governance)
{
    public static ReportReader? Of(SignedInUser? user) =>
        user is null ? null : new ReportReader(user.PractitionerId, user.OrganisationId, user.Role);

    public string PractitionerName(string id) => governance.Practitioners.FirstOrDefault(p => p.Id == id)?.Name ?? id;

    public string OrganisationName(string id) => governance.Organisations.FirstOrDefault(o => o.Id == id)?.Name ?? id;

    public string RoleName(string code) => governance.Roles.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    /// <summary>A share in words: "Demo Social Worker (Manchester)", "Everyone at Manchester Council", "Analysts at Manchester Council".</summary>
    public string Describe(ReportShare share) => share.Kind switch
    {
        ReportShareKind.Person => PractitionerName(share.PractitionerId!),
        ReportShareKind.Organisation => "Everyone at " + OrganisationName(share.OrganisationId!),
        _ => RoleName(share.Role!) + "s at " + OrganisationName(share.OrganisationId!),
    };

    /// <summary>Active practitioners others than the one asking, by name, for the share form.</summary>
    public IReadOnlyList<(string Id, string Name)> PeopleOtherThan(string practitionerId) =>
        [.. governance.Practitioners.Where(p => p.Active && p.Id != practitionerId).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Id, p.Name))];

    public IReadOnlyList<(string Id, string Name)> Organisations =>
        [.. governance.Organisations.Where(o => o.Active).OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (o.Id, o.Name))];

    public IReadOnlyList<(string Code, string Name)> Roles =>
        [.. governance.Roles.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Code, r.Name))];

    public bool IsPractitioner(string? id) => governance.Practitioners.Any(p => p.Active && p.Id == id);

    public bool IsOrganisation(string? id) => governance.Organisations.Any(o => o.Active && o.Id == id);

    public bool IsRole(string? code) => governance.Roles.Any(r => r.Code == code);
}
