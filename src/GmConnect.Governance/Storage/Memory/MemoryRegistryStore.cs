using System.Collections.Concurrent;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Storage.Memory;

internal sealed class MemoryRegistryStore : IRegistryStore
{
    private readonly ConcurrentDictionary<string, Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RoleDefinition> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Practitioner> _practitioners = new(StringComparer.Ordinal);

    public Task SaveOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        _organisations[organisation.Id] = organisation;
        return Task.CompletedTask;
    }

    public Task SaveRoleAsync(RoleDefinition role, CancellationToken cancellationToken = default)
    {
        _roles[role.Code] = role;
        return Task.CompletedTask;
    }

    public Task SavePractitionerAsync(Practitioner practitioner, CancellationToken cancellationToken = default)
    {
        _practitioners[practitioner.Id] = practitioner;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Organisation>>(_organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray());

    public Task<IReadOnlyList<RoleDefinition>> RolesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RoleDefinition>>(_roles.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());

    public Task<IReadOnlyList<Practitioner>> PractitionersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Practitioner>>(_practitioners.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray());
}
