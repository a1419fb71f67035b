using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Storage;

/// <summary>Organisations, roles and practitioners, saved whole (create or replace by key).</summary>
internal interface IRegistryStore
{
    Task SaveOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default);

    Task SaveRoleAsync(RoleDefinition role, CancellationToken cancellationToken = default);

    Task SavePractitionerAsync(Practitioner practitioner, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoleDefinition>> RolesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Practitioner>> PractitionersAsync(CancellationToken cancellationToken = default);
}
