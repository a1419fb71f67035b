using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GmConnect.Integration.Storage;
using GmConnect.Storage;

namespace GmConnect.Integration.PersonRecords;

/// <summary>
/// Lands accepted person records inside the caller's transaction: a new record is inserted at version 1, a changed
/// one replaces the stored row with the next version, an unchanged one (same content digest) is left alone; every
/// insert and update is appended to the change feed (<c>integration_change</c>) that the Identity Manager follows.
/// The one write path for person records, whatever file they came in (CSV rows, FHIR Patients).
/// </summary>
internal static class PersonRecordWriter
{
    private const string InsertSql = """
        INSERT INTO integration_person_record (source, record_id, nhs_number, upn, nino, pnc_id, given_name, middle_names, family_name,
            sex, date_of_birth, postcode, address, phone, email, recorded_on, row_hash, batch_id, received_at, version)
        VALUES (@source, @record_id, @nhs_number, @upn, @nino, @pnc_id, @given_name, @middle_names, @family_name,
            @sex, @date_of_birth, @postcode, @address, @phone, @email, @recorded_on, @row_hash, @batch_id, @received_at, @version)
        """;

    private const string UpdateSql = """
        UPDATE integration_person_record SET nhs_number = @nhs_number, upn = @upn, nino = @nino, pnc_id = @pnc_id, given_name = @given_name,
            middle_names = @middle_names, family_name = @family_name, sex = @sex, date_of_birth = @date_of_birth, postcode = @postcode,
            address = @address, phone = @phone, email = @email, recorded_on = @recorded_on, row_hash = @row_hash,
            batch_id = @batch_id, received_at = @received_at, version = @version
        WHERE source = @source AND record_id = @record_id
        """;

    private const string ChangeSql = "INSERT INTO integration_change (source, record_id, kind, version, batch_id) VALUES (@s, @r, @k, @v, @b)";

    /// <summary>What one call did.</summary>
    public readonly record struct Counts(int Created, int Updated, int Unchanged);

    /// <summary>
    /// Writes <paramref name="records"/> in order. The same key twice in one call is handled like two files in a row:
    /// the second is compared with the first.
    /// </summary>
    public static async Task<Counts> WriteAsync(
        StoreProvider provider, DbConnection connection, DbTransaction transaction, SqlWriter writer, long batchId, string now,
        IReadOnlyList<PersonRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return default;
        }

        var existing = await ExistingAsync(provider, connection, transaction, records, cancellationToken);
        // On PostgreSQL new records go by binary COPY (one stream per table), updates by the writer's batch.
        var copy = provider == StoreProvider.PostgreSql ? new List<object?[]>() : null;
        int created = 0, updated = 0, unchanged = 0;
        foreach (var record in records)
        {
            var hash = RowHash(record);
            var key = (record.Source, record.RecordId);
            var found = existing.TryGetValue(key, out var current);
            if (found && current.Hash == hash)
            {
                unchanged++;
                continue;
            }

            var version = found ? current.Version + 1 : 1;
            var values = RecordValues(record, hash, batchId, now, version);
            if (copy is not null && !found)
            {
                copy.Add([.. values.Select(v => v.Value)]);
            }
            else
            {
                await writer.WriteAsync(found ? UpdateSql : InsertSql, values, cancellationToken);
                await writer.WriteAsync(ChangeSql, [("s", record.Source), ("r", record.RecordId), ("k", found ? "updated" : "created"), ("v", version), ("b", batchId)], cancellationToken);
            }

            existing[key] = (hash, version);
            if (found)
            {
                updated++;
            }
            else
            {
                created++;
            }
        }

        if (copy is { Count: > 0 })
        {
            // COPY runs now; the writer's batch (updates, and a second version of a record created in this same
            // call) is sent when the caller flushes, after it, so the order of versions holds.
            await BulkInsert.WriteAsync(connection, transaction, "integration_person_record", RecordColumns, copy, cancellationToken);
            await BulkInsert.WriteAsync(connection, transaction, "integration_change", ["source", "record_id", "kind", "version", "batch_id"],
                copy.Select(v => new object?[] { v[0], v[1], "created", 1, batchId }), cancellationToken);
        }

        return new Counts(created, updated, unchanged);
    }

    private static readonly string[] RecordColumns =
    [
        "source", "record_id", "nhs_number", "upn", "nino", "pnc_id", "given_name", "middle_names", "family_name", "sex", "date_of_birth",
        "postcode", "address", "phone", "email", "recorded_on", "row_hash", "batch_id", "received_at", "version",
    ];

    /// <summary>A digest of the record's content: equal digests mean nothing changed.</summary>
    public static string RowHash(PersonRecord record)
    {
        var text = string.Join('\u001f',
            record.Source, record.RecordId, record.NhsNumber, record.Upn, record.Nino, record.PncId, record.GivenName,
            record.MiddleNames, record.FamilyName, record.Sex, IsoDate(record.DateOfBirth), record.Postcode, record.Address,
            record.Phone, record.Email, IsoDate(record.RecordedOn));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The stored hash and version of the records that exist already.</summary>
    private static async Task<Dictionary<(string, string), (string Hash, int Version)>> ExistingAsync(
        StoreProvider provider, DbConnection connection, DbTransaction transaction, IReadOnlyList<PersonRecord> records, CancellationToken cancellationToken)
    {
        var keys = records.Select(r => (r.Source, r.RecordId)).Distinct().ToList();
        var found = new Dictionary<(string, string), (string, int)>();
        if (provider == StoreProvider.PostgreSql)
        {
            // One round trip for the whole chunk: the keys go as two arrays, and each is looked up by the primary key.
            // A plain join let the planner hash the whole table for every chunk once it had a few hundred thousand rows
            // (quadratic over a large import); the lateral subquery with OFFSET 0 cannot be turned into that join.
            await using var command = connection.Command("""
                SELECT k.source, k.record_id, p.row_hash, p.version FROM unnest(@s, @r) AS k(source, record_id)
                CROSS JOIN LATERAL (
                    SELECT r.row_hash, r.version FROM integration_person_record r
                    WHERE r.source = k.source AND r.record_id = k.record_id OFFSET 0) p
                """, transaction).With("s", keys.Select(k => k.Source).ToArray()).With("r", keys.Select(k => k.RecordId).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture));
            }

            return found;
        }

        // SQLite runs in-process: a prepared point lookup per key costs microseconds.
        await using var lookup = connection.Command("SELECT row_hash, version FROM integration_person_record WHERE source = @s AND record_id = @r", transaction)
            .With("@s", "").With("@r", "");
        foreach (var (source, recordId) in keys)
        {
            lookup.Parameters[0].Value = source;
            lookup.Parameters[1].Value = recordId;
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found[(source, recordId)] = (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
        }

        return found;
    }

    private static (string Name, object? Value)[] RecordValues(PersonRecord record, string hash, long batchId, string now, int version) =>
    [
        ("source", record.Source), ("record_id", record.RecordId), ("nhs_number", record.NhsNumber), ("upn", record.Upn),
        ("nino", record.Nino), ("pnc_id", record.PncId), ("given_name", record.GivenName), ("middle_names", record.MiddleNames),
        ("family_name", record.FamilyName), ("sex", record.Sex), ("date_of_birth", IsoDate(record.DateOfBirth)),
        ("postcode", record.Postcode), ("address", record.Address), ("phone", record.Phone), ("email", record.Email),
        ("recorded_on", IsoDate(record.RecordedOn)), ("row_hash", hash), ("batch_id", batchId), ("received_at", now), ("version", version),
    ];

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
