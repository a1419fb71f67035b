using System.Data.Common;
using System.Runtime.CompilerServices;
using GmConnect.Identity.Index;
using GmConnect.Identity.Manager;
using GmConnect.Storage;

namespace GmConnect.Identity.Storage;

/// <summary>
/// The person index in the exchange's store (SQLite or PostgreSQL, same SQL). Reads here; every change goes
/// through one <see cref="IdentityTransaction"/>, so that a record, its link and its history land together.
/// </summary>
internal sealed class IdentityStore(Store store)
{
    private const string RecordColumns = """
        r.source, r.record_id, r.version, v.content_hash, v.document, r.person_id, r.link_method, r.link_score, r.link_model, r.link_by, r.link_us, r.link_order
        FROM idm_record r JOIN idm_record_version v ON v.source = r.source AND v.record_id = r.record_id AND v.version = r.version
        """;

    private const string HistoryColumns = "seq, kind, person_id, other_person_id, source, record_id, actor, reason, at_us, undoes, detail FROM idm_history";

    private const string ReviewColumns = """
        id, source, record_id, candidate_source, candidate_record_id, probability, explanation, opened_us, status, decision, decided_by, decided_us, reason
        FROM idm_review
        """;

    public Store Store { get; } = store;

    /// <summary>Starts a write: one database transaction.</summary>
    public async Task<IdentityTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await Store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new IdentityTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Every current record with its link, its document as stored (UTF-8 bytes, not parsed) and its stored prepared form,
    /// in link order (for rebuilding the in-memory index). <paramref name="personId"/> may map each person id read to an
    /// equal string already held, so that millions of records do not each carry their own copy; the few distinct sources,
    /// link makers and model versions are shared likewise, and so is a link provenance equal to the one read before it (a
    /// bulk load stores thousands alike). Documents are copied into <paramref name="documents"/> when given (else each into
    /// an array of its own).
    /// </summary>
    public async IAsyncEnumerable<StoredIndexRow> ReadAllRecordsAsync(
        Func<string, string>? personId = null, DocumentArena? documents = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Share(string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (shared.TryGetValue(value, out var existing))
            {
                return existing;
            }

            return shared.Count < 10_000 ? shared[value] = value : value;
        }

        // The document as UTF-8 bytes straight from the store: no UTF-16 string per record only to be encoded again.
        var document = Store.Provider == StoreProvider.PostgreSql ? "convert_to(v.document, 'UTF8')" : "CAST(v.document AS BLOB)";
        var connection = await Store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command($"""
                SELECT v.prepared, r.source, r.record_id, r.version, NULL, {document}, r.person_id, r.link_method, r.link_score,
                    r.link_model, r.link_by, r.link_us, r.link_order
                FROM idm_record r JOIN idm_record_version v ON v.source = r.source AND v.record_id = r.record_id AND v.version = r.version
                ORDER BY r.link_order
                """);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    LinkProvenance? previous = null;
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var link = new LinkProvenance(
                            SqlConvert.ParseMethod(reader.GetString(7)),
                            SqlConvert.NullableDouble(reader, 8),
                            Share(SqlConvert.String(reader, 9)),
                            Share(SqlConvert.String(reader, 10)),
                            SqlConvert.Instant(SqlConvert.Long(reader, 11)));
                        if (link == previous)
                        {
                            link = previous;
                        }

                        previous = link;
                        var person = reader.GetString(6);
                        yield return new StoredIndexRow(
                            new SourceRecordKey(Share(reader.GetString(1))!, reader.GetString(2)),
                            documents is null ? reader.GetFieldValue<byte[]>(5) : CopyInto(documents, reader, 5),
                            (int)SqlConvert.Long(reader, 3),
                            new StoredLink(personId is null ? person : personId(person), link, SqlConvert.Long(reader, 12)),
                            reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Copies a BLOB column into the arena. The providers hand the value over as a new array either way (SQLite copies each
    /// BLOB it is asked for, and reading a part of one into a caller's buffer crashed the process here); that array dies
    /// young, which costs the collector nothing, unlike an array kept for the life of the index.
    /// </summary>
    private static ReadOnlyMemory<byte> CopyInto(DocumentArena arena, DbDataReader reader, int ordinal)
    {
        var bytes = reader.GetFieldValue<byte[]>(ordinal);
        bytes.CopyTo(arena.Reserve(bytes.Length));
        return arena.Commit(bytes.Length);
    }

    public async Task<StoredRecord?> GetRecordAsync(SourceRecordKey key, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {RecordColumns} WHERE r.source = @s AND r.record_id = @r", ReadRecord, cancellationToken, ("s", key.Source), ("r", key.RecordId))).SingleOrDefault();

    public Task<IReadOnlyList<StoredRecord>> RecordsOfPersonAsync(string personId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {RecordColumns} WHERE r.person_id = @p ORDER BY r.link_order", ReadRecord, cancellationToken, ("p", personId));

    /// <summary>Every version of a record as received, oldest first.</summary>
    public Task<IReadOnlyList<StoredVersion>> VersionsAsync(SourceRecordKey key, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT version, document, content_hash, received_us FROM idm_record_version WHERE source = @s AND record_id = @r ORDER BY version",
            r => new StoredVersion((int)SqlConvert.Long(r, 0), RecordDocument.FromJson(r.GetString(1)), r.GetString(2), SqlConvert.Instant(SqlConvert.Long(r, 3))),
            cancellationToken,
            ("s", key.Source),
            ("r", key.RecordId));

    public async Task<StoredPerson?> GetPersonAsync(string personId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT person_id, created_us, merged_into FROM idm_person WHERE person_id = @p", ReadPerson, cancellationToken, ("p", personId))).SingleOrDefault();

    public Task<IReadOnlyList<StoredPerson>> PersonsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT person_id, created_us, merged_into FROM idm_person", ReadPerson, cancellationToken);

    /// <summary>The history of a person (as the person or the other party), oldest first.</summary>
    public Task<IReadOnlyList<StoredHistory>> HistoryAsync(string personId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {HistoryColumns} WHERE person_id = @p OR other_person_id = @p ORDER BY seq", ReadHistory, cancellationToken, ("p", personId));

    /// <summary>Merges, unmerges, links and unlinks after a sequence, oldest first (the change feed).</summary>
    public Task<IReadOnlyList<StoredHistory>> PersonChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {HistoryColumns} WHERE seq > @q AND kind IN ('Merge', 'Unmerge', 'Link', 'Unlink') ORDER BY seq LIMIT @n", ReadHistory, cancellationToken,
            ("q", afterSequence), ("n", (long)limit));

    public async Task<StoredHistory?> HistoryEntryAsync(long sequence, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {HistoryColumns} WHERE seq = @q", ReadHistory, cancellationToken, ("q", sequence))).SingleOrDefault();

    /// <summary>The history entry that undoes <paramref name="sequence"/>, if any.</summary>
    public async Task<StoredHistory?> UndoneByAsync(long sequence, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {HistoryColumns} WHERE undoes = @q ORDER BY seq", ReadHistory, cancellationToken, ("q", sequence))) is [var first, ..] ? first : null;

    public Task<IReadOnlyList<StoredReview>> ReviewsAsync(ReviewStatus status, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ReviewColumns} WHERE status = @s ORDER BY id LIMIT @n", ReadReview, cancellationToken, ("s", SqlConvert.StatusName(status)), ("n", (long)limit));

    public async Task<StoredReview?> ReviewAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ReviewColumns} WHERE id = @i", ReadReview, cancellationToken, ("i", id))).SingleOrDefault();

    /// <summary>Open review tasks in which the record is either side.</summary>
    public Task<IReadOnlyList<StoredReview>> OpenReviewsOfAsync(SourceRecordKey key, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {ReviewColumns} WHERE status = 'Open' AND ((source = @s AND record_id = @r) OR (candidate_source = @s AND candidate_record_id = @r)) ORDER BY id",
            ReadReview,
            cancellationToken,
            ("s", key.Source),
            ("r", key.RecordId));

    public Task<IReadOnlyList<StoredCannotLink>> CannotLinksAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT a_source, a_record_id, b_source, b_record_id, hard, actor, reason, at_us FROM idm_cannot_link",
            r => new StoredCannotLink(
                new SourceRecordKey(r.GetString(0), r.GetString(1)),
                new SourceRecordKey(r.GetString(2), r.GetString(3)),
                SqlConvert.Long(r, 4) != 0,
                r.GetString(5),
                SqlConvert.String(r, 6),
                SqlConvert.Instant(SqlConvert.Long(r, 7))),
            cancellationToken);

    /// <summary>The newest stored model, or null.</summary>
    public async Task<StoredModel?> LatestModelAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT version, origin, record_count, model, created_us, settings_fingerprint FROM idm_model ORDER BY version DESC LIMIT 1",
            r => new StoredModel((int)SqlConvert.Long(r, 0), r.GetString(1), SqlConvert.Long(r, 2), r.GetString(3), SqlConvert.Instant(SqlConvert.Long(r, 4)), SqlConvert.String(r, 5)),
            cancellationToken)).SingleOrDefault();

    public async Task<long> CountRecordsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT COUNT(*) FROM idm_record", r => SqlConvert.Long(r, 0), cancellationToken))[0];

    internal static StoredRecord ReadRecord(DbDataReader r)
    {
        var link = new LinkProvenance(
            SqlConvert.ParseMethod(r.GetString(6)),
            SqlConvert.NullableDouble(r, 7),
            SqlConvert.String(r, 8),
            SqlConvert.String(r, 9),
            SqlConvert.Instant(SqlConvert.Long(r, 10)));
        return new StoredRecord(
            RecordDocument.FromJson(r.GetString(4)),
            (int)SqlConvert.Long(r, 2),
            r.GetString(3),
            new StoredLink(r.GetString(5), link, SqlConvert.Long(r, 11)));
    }

    private static StoredPerson ReadPerson(DbDataReader r) =>
        new(r.GetString(0), SqlConvert.Instant(SqlConvert.Long(r, 1)), SqlConvert.String(r, 2));

    private static StoredHistory ReadHistory(DbDataReader r)
    {
        var source = SqlConvert.String(r, 4);
        var recordId = SqlConvert.String(r, 5);
        var entry = new HistoryEntry(
            SqlConvert.Long(r, 0),
            SqlConvert.ParseKind(r.GetString(1)),
            r.GetString(2),
            SqlConvert.String(r, 3),
            source is null || recordId is null ? null : new SourceRecordKey(source, recordId),
            r.GetString(6),
            SqlConvert.String(r, 7),
            SqlConvert.Instant(SqlConvert.Long(r, 8)));
        return new StoredHistory(entry, SqlConvert.NullableLong(r, 9), SqlConvert.String(r, 10));
    }

    private static StoredReview ReadReview(DbDataReader r) =>
        new(
            SqlConvert.Long(r, 0),
            new SourceRecordKey(r.GetString(1), r.GetString(2)),
            new SourceRecordKey(r.GetString(3), r.GetString(4)),
            SqlConvert.NullableDouble(r, 5) ?? 0,
            r.GetString(6),
            SqlConvert.Instant(SqlConvert.Long(r, 7)),
            SqlConvert.ParseStatus(r.GetString(8)),
            SqlConvert.String(r, 9) is { } d ? Enum.Parse<ReviewDecision>(d) : null,
            SqlConvert.String(r, 10),
            SqlConvert.NullableLong(r, 11) is { } at ? SqlConvert.Instant(at) : null,
            SqlConvert.String(r, 12));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await Store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(sql);
            await using (command.ConfigureAwait(false))
            {
                foreach (var (name, value) in parameters)
                {
                    command.With(name, value);
                }

                var result = new List<T>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(map(reader));
                    }
                }

                return result;
            }
        }
    }
}
