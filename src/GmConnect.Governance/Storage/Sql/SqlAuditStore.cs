using System.Data.Common;
using System.Globalization;
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
/// <para>
/// Appends commit in groups: callers queue their record and wait; one writer at a time takes everything queued,
/// seals it onto the chain in queue order and writes it in one transaction (one lock, one head read, one statement,
/// one commit, however many entries), then answers each caller — only after the commit, so an acknowledged entry is
/// always durable, and a failed transaction fails every append in it (none of them was acknowledged). Under load
/// this turns one transaction per search into one per group (ADR 0020).
/// </para>
/// </summary>
internal sealed class SqlAuditStore : IAuditStore
{
    /// <summary>The most entries written in one transaction; the rest wait for the next.</summary>
    internal const int MaxGroup = 256;

    private const long AppendLockKey = 0x474D_4175_6469; // "GMAudi"
    private const string Columns =
        "seq, id, recorded_us, event_type, outcome, practitioner_id, organisation_id, role, purpose, request_id, person_ids, resources, withheld, break_glass_id, detail, previous_hash, hash";

    // A group names at most this many persons in its statement's VALUES lists; a bulk load's entry names thousands,
    // which go by BulkInsert (COPY on PostgreSQL) instead.
    private const int MaxInlinePersons = 512;

    private static readonly string[] PersonIndexColumns = ["person_id", "seq"];

    private readonly Store _store;
    private readonly Lock _queueLock = new();
    private List<Pending> _queue = [];
    private bool _writing;

    public SqlAuditStore(Store store) => _store = store;

    public Task<AuditEntry> AppendAsync(AuditRecord record, DateTimeOffset recorded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(record, recorded, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_queueLock)
        {
            _queue.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            // The writer runs on its own so that the caller who started it waits only for its own group. A group is
            // never cancelled by one of its callers: the others are waiting for the same commit.
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                if (_queue.Count <= MaxGroup)
                {
                    group = _queue;
                    _queue = [];
                }
                else
                {
                    group = _queue.GetRange(0, MaxGroup);
                    _queue.RemoveRange(0, MaxGroup);
                }
            }

            try
            {
                var entries = await WriteGroupAsync(group).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(entries[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private async Task<AuditEntry[]> WriteGroupAsync(List<Pending> group)
    {
        var cancellationToken = CancellationToken.None;
        var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = _store.Provider == StoreProvider.Sqlite
                ? ((SqliteConnection)connection).BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long last = 0;
                var previous = AuditChain.GenesisHash;
                var head = connection.Command(
                    (_store.Provider == StoreProvider.PostgreSql ? "SELECT pg_advisory_xact_lock(@key); " : "") + "SELECT seq, hash FROM gov_audit ORDER BY seq DESC LIMIT 1",
                    transaction);
                if (_store.Provider == StoreProvider.PostgreSql)
                {
                    head.With("key", AppendLockKey);
                    await head.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (head.ConfigureAwait(false))
                {
                    var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (_store.Provider == StoreProvider.PostgreSql)
                        {
                            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                        }

                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            last = SqlValues.Long(reader, 0);
                            previous = reader.GetString(1);
                        }
                    }
                }

                var entries = new AuditEntry[group.Count];
                for (var i = 0; i < group.Count; i++)
                {
                    var (record, recorded, _) = group[i];
                    entries[i] = AuditChain.Seal(record, last + 1 + i, Guid.CreateVersion7(recorded).ToString(), recorded, previous);
                    previous = entries[i].Hash;
                }

                await InsertAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return entries;
            }
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

    // One statement for the whole group: the entries, then their person index rows (unless there are too many).
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditEntry[] entries, CancellationToken cancellationToken)
    {
        var persons = entries.SelectMany(e => e.Record.PersonIds.Distinct(StringComparer.Ordinal).Select(p => (Person: p, e.Sequence))).ToList();
        var sql = new StringBuilder($"INSERT INTO gov_audit ({Columns}) VALUES ");
        var insert = connection.Command(string.Empty, transaction);
        await using (insert.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i];
                var r = entry.Record;
                var n = i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "(" : ", (")
                    .Append(CultureInfo.InvariantCulture, $"@s{n}, @i{n}, @t{n}, @e{n}, @o{n}, @pr{n}, @og{n}, @r{n}, @pu{n}, @rq{n}, @ps{n}, @rs{n}, @w{n}, @b{n}, @d{n}, @pv{n}, @h{n})");
                insert.With("s" + n, entry.Sequence).With("i" + n, entry.Id).With("t" + n, SqlValues.Micros(entry.Recorded))
                    .With("e" + n, r.EventType.ToCode()).With("o" + n, r.Outcome).With("pr" + n, r.PractitionerId)
                    .With("og" + n, r.OrganisationId).With("r" + n, r.Role).With("pu" + n, r.Purpose).With("rq" + n, r.RequestId)
                    .With("ps" + n, JsonSerializer.Serialize(r.PersonIds, GovernanceJson.Options))
                    .With("rs" + n, JsonSerializer.Serialize(r.Resources, GovernanceJson.Options))
                    .With("w" + n, r.WithheldCount).With("b" + n, r.BreakGlassSessionId).With("d" + n, r.Detail)
                    .With("pv" + n, entry.PreviousHash).With("h" + n, entry.Hash);
            }

            if (persons.Count is > 0 and <= MaxInlinePersons)
            {
                sql.Append("; INSERT INTO gov_audit_person (person_id, seq) VALUES ");
                for (var i = 0; i < persons.Count; i++)
                {
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    sql.Append(i == 0 ? "(" : ", (").Append(CultureInfo.InvariantCulture, $"@xp{n}, @xs{n})");
                    insert.With("xp" + n, persons[i].Person).With("xs" + n, persons[i].Sequence);
                }
            }

            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (persons.Count > MaxInlinePersons)
        {
            // A bulk load's chunk names thousands: COPY on PostgreSQL, one prepared insert on SQLite.
            await BulkInsert.WriteAsync(connection, transaction, "gov_audit_person", PersonIndexColumns,
                persons.Select(p => new object?[] { p.Person, p.Sequence }), cancellationToken).ConfigureAwait(false);
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

    private sealed record Pending(AuditRecord Record, DateTimeOffset Recorded, TaskCompletionSource<AuditEntry> Done);
}
