using System.Data.Common;
using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;
using GmConnect.Storage;

namespace GmConnect.Identity.Storage;

/// <summary>
/// One change to the index, in one database transaction: nothing is visible until <see cref="CommitAsync"/>, and
/// disposing without committing rolls everything back. Record versions and history are only ever inserted.
/// Each statement is prepared once per transaction and reused with new values (a batch of records runs the same few
/// statements hundreds of times).
/// </summary>
internal sealed class IdentityTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private long _nextHistory;
    private long _nextReview;

    internal IdentityTransaction(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Stores one version of a record exactly as received, with its prepared form (<see cref="PreparedForm"/>) when given.</summary>
    public Task AppendVersionAsync(IdentityRecord record, int version, string document, string contentHash, DateTimeOffset at, CancellationToken cancellationToken, byte[]? prepared = null) =>
        ExecuteAsync(
            "INSERT INTO idm_record_version (source, record_id, version, content_hash, document, received_us, prepared) VALUES (@s, @r, @v, @h, @d, @t, @p)",
            cancellationToken,
            ("s", record.Source),
            ("r", record.RecordId),
            ("v", (long)version),
            ("h", contentHash),
            ("d", document),
            ("t", SqlConvert.Micros(at)),
            ("p", prepared));

    /// <summary>Sets the prepared form of a stored version (the only change ever made to a version row: the document stays as received).</summary>
    public Task SetPreparedFormAsync(SourceRecordKey key, int version, byte[] prepared, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE idm_record_version SET prepared = @p WHERE source = @s AND record_id = @r AND version = @v",
            cancellationToken,
            ("s", key.Source),
            ("r", key.RecordId),
            ("v", (long)version),
            ("p", prepared));

    public Task AppendVersionAsync(IdentityRecord record, int version, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var document = RecordDocument.ToJson(record);
        return AppendVersionAsync(record, version, document, RecordDocument.Hash(document), at, cancellationToken);
    }

    public Task InsertPersonAsync(string personId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO idm_person (person_id, created_us) VALUES (@p, @t)", cancellationToken, ("p", personId), ("t", SqlConvert.Micros(at)));

    /// <summary>Marks a person as merged into another (or, with null, no longer merged).</summary>
    public Task SetMergedIntoAsync(string personId, string? mergedInto, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE idm_person SET merged_into = @m WHERE person_id = @p", cancellationToken, ("p", personId), ("m", mergedInto));

    /// <summary>Sets a record's current version and link (inserting the row for a new record).</summary>
    public async Task PutRecordAsync(SourceRecordKey key, int version, StoredLink link, CancellationToken cancellationToken)
    {
        var updated = await ExecuteAsync(
            """
            UPDATE idm_record SET version = @v, person_id = @p, link_method = @m, link_score = @sc, link_model = @mo, link_by = @b, link_us = @t, link_order = @o
            WHERE source = @s AND record_id = @r
            """,
            cancellationToken,
            LinkParameters(key, version, link)).ConfigureAwait(false);
        if (updated == 0)
        {
            await ExecuteAsync(
                """
                INSERT INTO idm_record (source, record_id, version, person_id, link_method, link_score, link_model, link_by, link_us, link_order)
                VALUES (@s, @r, @v, @p, @m, @sc, @mo, @b, @t, @o)
                """,
                cancellationToken,
                LinkParameters(key, version, link)).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts the row of a record the store does not hold yet, with its current version and link (one statement where <see cref="PutRecordAsync"/> takes two).</summary>
    public Task InsertRecordAsync(SourceRecordKey key, int version, StoredLink link, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO idm_record (source, record_id, version, person_id, link_method, link_score, link_model, link_by, link_us, link_order)
            VALUES (@s, @r, @v, @p, @m, @sc, @mo, @b, @t, @o)
            """,
            cancellationToken,
            LinkParameters(key, version, link));

    /// <summary>Appends a history entry; its sequence number is the next after the stored ones.</summary>
    public async Task<HistoryEntry> AppendHistoryAsync(
        HistoryKind kind,
        string personId,
        string? otherPersonId,
        SourceRecordKey? record,
        string by,
        string? reason,
        DateTimeOffset at,
        CancellationToken cancellationToken,
        long? undoes = null,
        string? detail = null)
    {
        if (_nextHistory == 0)
        {
            _nextHistory = await NextAsync("SELECT COALESCE(MAX(seq), 0) FROM idm_history", cancellationToken).ConfigureAwait(false);
        }

        var seq = _nextHistory++;
        await ExecuteAsync(
            """
            INSERT INTO idm_history (seq, kind, person_id, other_person_id, source, record_id, actor, reason, at_us, undoes, detail)
            VALUES (@q, @k, @p, @o, @s, @r, @a, @why, @t, @u, @d)
            """,
            cancellationToken,
            ("q", seq),
            ("k", SqlConvert.KindName(kind)),
            ("p", personId),
            ("o", otherPersonId),
            ("s", record?.Source),
            ("r", record?.RecordId),
            ("a", by),
            ("why", reason),
            ("t", SqlConvert.Micros(at)),
            ("u", undoes),
            ("d", detail)).ConfigureAwait(false);
        return new HistoryEntry(seq, kind, personId, otherPersonId, record, by, reason, at);
    }

    /// <summary>Opens a review task; returns its id.</summary>
    public async Task<long> InsertReviewAsync(SourceRecordKey record, SourceRecordKey candidate, double probability, string explanationJson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (_nextReview == 0)
        {
            _nextReview = await NextAsync("SELECT COALESCE(MAX(id), 0) FROM idm_review", cancellationToken).ConfigureAwait(false);
        }

        var id = _nextReview++;
        await ExecuteAsync(
            """
            INSERT INTO idm_review (id, source, record_id, candidate_source, candidate_record_id, probability, explanation, opened_us, status)
            VALUES (@i, @s, @r, @cs, @cr, @pr, @e, @t, 'Open')
            """,
            cancellationToken,
            ("i", id),
            ("s", record.Source),
            ("r", record.RecordId),
            ("cs", candidate.Source),
            ("cr", candidate.RecordId),
            ("pr", probability),
            ("e", explanationJson),
            ("t", SqlConvert.Micros(at))).ConfigureAwait(false);
        return id;
    }

    /// <summary>Closes a review task (decided or withdrawn).</summary>
    public Task CloseReviewAsync(long id, ReviewStatus status, ReviewDecision? decision, string? by, DateTimeOffset at, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE idm_review SET status = @st, decision = @d, decided_by = @b, decided_us = @t, reason = @why WHERE id = @i",
            cancellationToken,
            ("i", id),
            ("st", SqlConvert.StatusName(status)),
            ("d", decision?.ToString()),
            ("b", by),
            ("t", SqlConvert.Micros(at)),
            ("why", reason));

    /// <summary>Records that two records must not be linked (stored once per pair, in key order).</summary>
    public Task AddCannotLinkAsync(StoredCannotLink pair, CancellationToken cancellationToken)
    {
        var (a, b) = string.CompareOrdinal(pair.A.ToString(), pair.B.ToString()) <= 0 ? (pair.A, pair.B) : (pair.B, pair.A);
        // A hard constraint overrides a soft one on the same pair; a soft one never weakens a hard one.
        return ExecuteAsync(
            """
            INSERT INTO idm_cannot_link (a_source, a_record_id, b_source, b_record_id, hard, actor, reason, at_us) VALUES (@as, @ar, @bs, @br, @h, @a, @why, @t)
            ON CONFLICT (a_source, a_record_id, b_source, b_record_id) DO UPDATE SET hard = CASE WHEN excluded.hard > idm_cannot_link.hard THEN excluded.hard ELSE idm_cannot_link.hard END
            """,
            cancellationToken,
            ("as", a.Source),
            ("ar", a.RecordId),
            ("bs", b.Source),
            ("br", b.RecordId),
            ("h", pair.Hard ? 1L : 0L),
            ("a", pair.By),
            ("why", pair.Reason),
            ("t", SqlConvert.Micros(pair.At)));
    }

    /// <summary>Stores a model as the next version; returns the version.</summary>
    public async Task<int> SaveModelAsync(string origin, long recordCount, string modelJson, DateTimeOffset at, CancellationToken cancellationToken, string? settingsFingerprint = null)
    {
        var version = (int)await NextAsync("SELECT COALESCE(MAX(version), 0) FROM idm_model", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            "INSERT INTO idm_model (version, origin, record_count, model, created_us, settings_fingerprint) VALUES (@v, @o, @n, @m, @t, @f)",
            cancellationToken,
            ("v", (long)version),
            ("o", origin),
            ("n", recordCount),
            ("m", modelJson),
            ("t", SqlConvert.Micros(at)),
            ("f", settingsFingerprint)).ConfigureAwait(false);
        return version;
    }

    /// <summary>Ids of the open review tasks in which the record is either side, as this transaction sees them (its own writes included).</summary>
    public async Task<IReadOnlyList<long>> OpenReviewIdsOfAsync(SourceRecordKey key, CancellationToken cancellationToken)
    {
        var command = _connection.Command(
            "SELECT id FROM idm_review WHERE status = 'Open' AND ((source = @s AND record_id = @r) OR (candidate_source = @s AND candidate_record_id = @r)) ORDER BY id",
            _transaction);
        await using (command.ConfigureAwait(false))
        {
            command.With("s", key.Source).With("r", key.RecordId);
            var ids = new List<long>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(SqlConvert.Long(reader, 0));
                }
            }

            return ids;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static (string, object?)[] LinkParameters(SourceRecordKey key, int version, StoredLink link) =>
    [
        ("s", key.Source),
        ("r", key.RecordId),
        ("v", (long)version),
        ("p", link.PersonId),
        ("m", SqlConvert.MethodName(link.Link.Method)),
        ("sc", link.Link.Score),
        ("mo", link.Link.ModelVersion),
        ("b", link.Link.By),
        ("t", SqlConvert.Micros(link.Link.At)),
        ("o", link.Order),
    ];

    private async Task<long> NextAsync(string sql, CancellationToken cancellationToken)
    {
        var command = _connection.Command(sql, _transaction);
        await using (command.ConfigureAwait(false))
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            // The same statement again: the same parameters in the same order (each call site passes them alike).
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }
        else
        {
            command = _connection.Command(sql, _transaction);
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }

            _commands.Add(sql, command);
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
