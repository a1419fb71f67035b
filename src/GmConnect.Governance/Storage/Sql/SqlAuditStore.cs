using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GmConnect.Governance.Audit;
using GmConnect.Governance.Configuration;
using GmConnect.Storage;
using Microsoft.Data.Sqlite;

namespace GmConnect.Governance.Storage.Sql;

/// <summary>
/// The audit chain in SQLite or PostgreSQL. Appends serialise on a database lock (SQLite's write lock taken at
/// BEGIN IMMEDIATE; a PostgreSQL transaction-scoped advisory lock), so two hosts cannot fork the chain; the
/// primary key on the sequence is the last line of defence.
/// </summary>
internal sealed class SqlAuditStore : IAuditStore, IDisposable
{
    private const long AppendLockKey = 0x474D_4175_6469; // "GMAudi"
    private const string Columns =
        "seq, id, recorded_us, event_type, outcome, practitioner_id, organisation_id, role, purpose, request_id, person_ids, resources, withheld, break_glass_id, detail, previous_hash, hash";

    private static readonly string[] PersonIndexColumns = ["person_id", "seq"];

    private readonly Store _store;
    private readonly SemaphoreSlim _appendGate = new(1, 1);

    public SqlAuditStore(Store store) => _store = store;

    public void Dispose() => _appendGate.Dispose();

    public async Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset recorded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _appendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = _store.Provider == StoreProvider.Sqlite
                    ? ((SqliteConnection)connection).BeginTransaction(deferred: false)
                    : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    if (_store.Provider == StoreProvider.PostgreSql)
                    {
                        await connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("key", AppendLockKey)
                            .ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }

                    long last = 0;
                    var previous = AuditChain.GenesisHash;
                    var head = connection.Command("SELECT seq, hash FROM gov_audit ORDER BY seq DESC LIMIT 1", transaction);
                    await using (head.ConfigureAwait(false))
                    {
                        var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                last = SqlValues.Long(reader, 0);
                                previous = reader.GetString(1);
                            }
                        }
                    }

                    var entry = AuditChain.Seal(record, last + 1, Guid.CreateVersion7(recorded).ToString(), recorded, previous);
                    await InsertAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return entry;
                }
            }
        }
        finally
        {
            _appendGate.Release();
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command($"SELECT {Columns} FROM gov_audit ORDER BY seq");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return Read(reader);
                    }
                }
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Only the filters that are set become SQL: an untyped NULL parameter is ambiguous to PostgreSQL.
            var sql = new StringBuilder($"SELECT {Columns} FROM gov_audit WHERE 1 = 1");
            var command = connection.Command(string.Empty);
            await using (command.ConfigureAwait(false))
            {
                if (query.PersonId is not null)
                {
                    sql.Append(" AND seq IN (SELECT seq FROM gov_audit_person WHERE person_id = @person)");
                    command.With("person", query.PersonId);
                }

                if (query.PractitionerId is not null)
                {
                    sql.Append(" AND practitioner_id = @practitioner");
                    command.With("practitioner", query.PractitionerId);
                }

                if (query.OrganisationId is not null)
                {
                    sql.Append(" AND organisation_id = @organisation");
                    command.With("organisation", query.OrganisationId);
                }

                if (query.From is { } from)
                {
                    sql.Append(" AND recorded_us >= @from");
                    command.With("from", SqlValues.Micros(from));
                }

                if (query.To is { } to)
                {
                    sql.Append(" AND recorded_us < @to");
                    command.With("to", SqlValues.Micros(to));
                }

                sql.Append(" ORDER BY seq DESC LIMIT @limit");
                command.With("limit", (long)Math.Max(0, query.Limit));
                command.CommandText = sql.ToString();
                var found = new List<AuditEntry>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(Read(reader));
                    }
                }

                return found;
            }
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        var r = entry.Record;
        var insert = connection.Command(
            $"INSERT INTO gov_audit ({Columns}) VALUES (@seq, @id, @recorded, @type, @outcome, @practitioner, @organisation, @role, @purpose, @request, @persons, @resources, @withheld, @breakGlass, @detail, @previous, @hash)",
            transaction)
            .With("seq", entry.Sequence).With("id", entry.Id).With("recorded", SqlValues.Micros(entry.Recorded))
            .With("type", r.EventType.ToCode()).With("outcome", r.Outcome).With("practitioner", r.PractitionerId)
            .With("organisation", r.OrganisationId).With("role", r.Role).With("purpose", r.Purpose).With("request", r.RequestId)
            .With("persons", JsonSerializer.Serialize(r.PersonIds, GovernanceJson.Options))
            .With("resources", JsonSerializer.Serialize(r.Resources, GovernanceJson.Options))
            .With("withheld", r.WithheldCount).With("breakGlass", r.BreakGlassSessionId).With("detail", r.Detail)
            .With("previous", entry.PreviousHash).With("hash", entry.Hash);
        await using (insert.ConfigureAwait(false))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var persons = r.PersonIds.Distinct(StringComparer.Ordinal).ToList();
        if (persons.Count > 8)
        {
            // A bulk load's chunk names thousands: COPY on PostgreSQL, one prepared insert on SQLite.
            await BulkInsert.WriteAsync(connection, transaction, "gov_audit_person", PersonIndexColumns,
                persons.Select(person => new object?[] { person, entry.Sequence }), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var person in persons)
        {
            var index = connection.Command("INSERT INTO gov_audit_person (person_id, seq) VALUES (@person, @seq)", transaction)
                .With("person", person).With("seq", entry.Sequence);
            await using (index.ConfigureAwait(false))
            {
                await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static AuditEntry Read(DbDataReader reader)
    {
        AuditRecord record;
        try
        {
            record = ReadRecord(reader);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException)
        {
            // A row edited into something unreadable is still an entry of the chain: give the verifier a record
            // that cannot match the stored hash, so it reports the entry as changed instead of failing.
            record = new AuditRecord(AuditEventType.Read, "unreadable", null, null, null, null, null, [], []);
        }

        return new AuditEntry(
            SqlValues.Long(reader, 0), reader.GetString(1), SqlValues.Instant(SqlValues.Long(reader, 2)), record, reader.GetString(15), reader.GetString(16));
    }

    private static AuditRecord ReadRecord(DbDataReader reader) =>
        new(
            AuditCodes.ParseEventType(reader.GetString(3)),
            reader.GetString(4),
            SqlValues.NullableString(reader, 5),
            SqlValues.NullableString(reader, 6),
            SqlValues.NullableString(reader, 7),
            SqlValues.NullableString(reader, 8),
            SqlValues.NullableString(reader, 9),
            JsonSerializer.Deserialize<string[]>(reader.GetString(10), GovernanceJson.Options) ?? [],
            JsonSerializer.Deserialize<AuditedResource[]>(reader.GetString(11), GovernanceJson.Options) ?? [],
            SqlValues.Int(reader, 12),
            SqlValues.NullableString(reader, 13),
            SqlValues.NullableString(reader, 14));
}
