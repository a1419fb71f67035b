using System.Text.Json;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Configuration;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>Agreements as JSON documents keyed by id; the status is a column for operators' queries.</summary>
internal sealed class SqlAgreementStore : IAgreementStore
{
    private readonly Store _store;

    public SqlAgreementStore(Store store) => _store = store;

    public async Task SaveAsync(SharingAgreement agreement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(
                "INSERT INTO gov_agreement (id, status, document) VALUES (@id, @status, @document) " +
                "ON CONFLICT (id) DO UPDATE SET status = excluded.status, document = excluded.document")
                .With("id", agreement.Id)
                .With("status", JsonSerializer.Serialize(agreement.Status, GovernanceJson.Options).Trim('"'))
                .With("document", JsonSerializer.Serialize(agreement, GovernanceJson.Options));
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<SharingAgreement?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("SELECT document FROM gov_agreement WHERE id = @id", id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<SharingAgreement>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT document FROM gov_agreement ORDER BY id", null, cancellationToken);

    private async Task<IReadOnlyList<SharingAgreement>> QueryAsync(string sql, string? id, CancellationToken cancellationToken)
    {
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(sql);
            if (id is not null)
            {
                command.With("id", id);
            }

            await using (command.ConfigureAwait(false))
            {
                var result = new List<SharingAgreement>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(JsonSerializer.Deserialize<SharingAgreement>(reader.GetString(0), GovernanceJson.Options)
                            ?? throw new InvalidDataException("Empty agreement document."));
                    }
                }

                return result;
            }
        }
    }
}
