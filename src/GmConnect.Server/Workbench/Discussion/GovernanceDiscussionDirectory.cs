using GmConnect.Governance.Administration;
using GmConnect.Workbench.Discussion;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>The practitioners the sign-in knows (Governance's registry), for <c>@mentions</c> and authors' names.</summary>
public sealed class GovernanceDiscussionDirectory(GovernanceAdministration governance) : IDiscussionDirectory
{
    public DiscussionPerson? Find(string practitionerId) =>
        governance.Practitioners.FirstOrDefault(p => p.Active && string.Equals(p.Id, practitionerId, StringComparison.OrdinalIgnoreCase)) is { } p
            ? new DiscussionPerson(p.Id, p.Name)
            : null;

    /// <summary>Every active practitioner, by name.</summary>
    public IReadOnlyList<DiscussionPerson> Everyone =>
        [.. governance.Practitioners.Where(p => p.Active).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new DiscussionPerson(p.Id, p.Name))];

    /// <summary>The name to show for a practitioner id (the id itself when the registry no longer knows them).</summary>
    public string NameOf(string practitionerId) =>
        governance.Practitioners.FirstOrDefault(p => string.Equals(p.Id, practitionerId, StringComparison.Ordinal))?.Name ?? practitionerId;

    /// <summary>The roles a practitioner holds, as (organisation, role).</summary>
    public IReadOnlyList<(string OrganisationId, string Role)> RolesOf(string practitionerId) =>
        governance.Practitioners.FirstOrDefault(p => p.Active && string.Equals(p.Id, practitionerId, StringComparison.Ordinal)) is { } p
            ? [.. p.Roles.Select(r => (r.OrganisationId, r.Role))]
            : [];
}
