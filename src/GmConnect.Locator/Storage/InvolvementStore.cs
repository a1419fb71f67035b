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

    /// <summary>The involvements written through to Governance under any of these person keys, with that key.</summary>
    public async Task<IReadOnlyList<(InvolvementRecord Involvement, string PersonId)>> ByPersonsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        var result = new List<(InvolvementRecord, string)>();
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var group in personIds.Chunk(500))
            {
                var command = connection.Command("");
                await using (command.ConfigureAwait(false))
                {
                    var names = group.Select((id, i) =>
                    {
                        var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        command.With(name, id);
                        return "@" + name;
                    }).ToList();
                    command.CommandText = $"SELECT document, person_id FROM loc_involvement WHERE person_id IN ({string.Join(", ", names)}) ORDER BY id";
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            result.Add((Read(reader), reader.GetString(1)));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Records the person key an involvement is now written through under.</summary>
    public async Task SetPersonAsync(string id, string personId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("UPDATE loc_involvement SET person_id = @person WHERE id = @id").With("person", personId).With("id", id);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The last identity history sequence the follower handled (0: none).</summary>
    public async Task<long> CursorAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("SELECT seq FROM loc_identity_cursor WHERE name = 'involvements'");
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
                    ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
                    : 0;
            }
        }
    }

    public async Task SetCursorAsync(long sequence, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(
                "INSERT INTO loc_identity_cursor (name, seq) VALUES ('involvements', @seq) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq")
                .With("seq", sequence);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static InvolvementRecord Read(DbDataReader reader) =>
        JsonSerializer.Deserialize<InvolvementRecord>(reader.GetString(0), LocatorJson.Options)
        ?? throw new InvalidDataException("A stored involvement document is empty.");
}
