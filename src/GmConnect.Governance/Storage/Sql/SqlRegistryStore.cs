using System.Text.Json;
using GmConnect.Governance.Configuration;
using GmConnect.Governance.Registries;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>Organisations, roles and practitioners as JSON documents keyed by kind and id.</summary>
internal sealed class SqlRegistryStore : IRegistryStore
{
    private readonly Store _store;

    public SqlRegistryStore(Store store) => _store = store;

    public Task SaveOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default) =>
        SaveAsync("organisation", organisation.Id, organisation, cancellationToken);

    public Task SaveRoleAsync(RoleDefinition role, CancellationToken cancellationToken = default) =>
        SaveAsync("role", role.Code, role, cancellationToken);

    public Task SavePractitionerAsync(Practitioner practitioner, CancellationToken cancellationToken = default) =>
        SaveAsync("practitioner", practitioner.Id, practitioner, cancellationToken);

    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Organisation>("organisation", cancellationToken);

    public Task<IReadOnlyList<RoleDefinition>> RolesAsync(CancellationToken cancellationToken = default) =>
        ListAsync<RoleDefinition>("role", cancellationToken);

    public Task<IReadOnlyList<Practitioner>> PractitionersAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Practitioner>("practitioner", cancellationToken);

    private async Task SaveAsync<T>(string kind, string id, T item, CancellationToken cancellationToken)
    {
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(
                "INSERT INTO gov_registry (kind, id, document) VALUES (@kind, @id, @document) " +
                "ON CONFLICT (kind, id) DO UPDATE SET document = excluded.document")
                .With("kind", kind).With("id", id).With("document", JsonSerializer.Serialize(item, GovernanceJson.Options));
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string kind, CancellationToken cancellationToken)
    {
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("SELECT document FROM gov_registry WHERE kind = @kind ORDER BY id").With("kind", kind);
            await using (command.ConfigureAwait(false))
            {
                var result = new List<T>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), GovernanceJson.Options)
                            ?? throw new InvalidDataException($"Empty {kind} document."));
                    }
                }

                return result;
            }
        }
    }
}
