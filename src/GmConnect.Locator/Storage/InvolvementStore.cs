using System.Data.Common;
using System.Text;
using System.Text.Json;
using GmConnect.Locator.Involvements;
using GmConnect.Storage;

namespace GmConnect.Locator.Storage;

/// <summary>Involvements in the host's store, keyed by the identifier they were registered under.</summary>
internal sealed class InvolvementStore(Store store)
{
    public async Task SaveAsync(InvolvementRecord involvement, string personId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(
                "INSERT INTO loc_involvement (id, subject_key, person_id, organisation_id, updated_us, document) " +
                "VALUES (@id, @subject, @person, @organisation, @updated, @document) " +
                "ON CONFLICT (id) DO UPDATE SET updated_us = excluded.updated_us, document = excluded.document")
                .With("id", involvement.Id)
                .With("subject", involvement.Subject.Key)
                .With("person", personId)
                .With("organisation", involvement.OrganisationId)
                .With("updated", SqlTime.Micros(involvement.Updated))
                .With("document", JsonSerializer.Serialize(involvement, LocatorJson.Options));
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The involvement and the person key it was written through to Governance under.</summary>
    public async Task<(InvolvementRecord Involvement, string PersonId)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("SELECT document, person_id FROM loc_involvement WHERE id = @id").With("id", id);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (Read(reader), reader.GetString(1)) : null;
                }
            }
        }
    }

    public async Task<IReadOnlyList<InvolvementRecord>> BySubjectsAsync(IReadOnlyCollection<string> subjectKeys, CancellationToken cancellationToken)
    {
        if (subjectKeys.Count == 0)
        {
            return [];
        }

        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("");
            await using (command.ConfigureAwait(false))
            {
                var sql = new StringBuilder("SELECT document FROM loc_involvement WHERE subject_key IN (");
                var i = 0;
                foreach (var key in subjectKeys)
                {
                    var name = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sql.Append(i++ == 0 ? "@" : ", @").Append(name);
                    command.With(name, key);
                }

                command.CommandText = sql.Append(") ORDER BY organisation_id, id").ToString();
                var result = new List<InvolvementRecord>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(Read(reader));
                    }
                }

                return result;
            }
        }
    }

    private static InvolvementRecord Read(DbDataReader reader) =>
        JsonSerializer.Deserialize<InvolvementRecord>(reader.GetString(0), LocatorJson.Options)
        ?? throw new InvalidDataException("A stored involvement document is empty.");
}
