using System.Data.Common;
using GmConnect.Governance.Sensitivity;
using GmConnect.Repository.Content;
using GmConnect.Repository.Retention;
using GmConnect.Storage;
using Microsoft.Data.Sqlite;

namespace GmConnect.Repository.Storage;

/// <summary>
/// Content items and their immutable versions in SQLite or PostgreSQL. A publish reads the latest version and
/// writes the next one in one transaction that holds the item's row (SQLite's write lock taken at BEGIN IMMEDIATE;
/// PostgreSQL <c>SELECT … FOR UPDATE</c>), so two publishers cannot both write version n+1.
/// </summary>
internal sealed class SqlContentStore(Store store)
{
    private const string ItemColumns =
        "c.id, c.custodian_id, c.record_type, c.category, c.sensitivity, c.person_key, c.retention_class, c.retain_until, c.last_activity, c.latest_version, c.created_us, c.hold_reason, c.hold_by, c.hold_us";

    private const string VersionColumns = "v.content_id, v.version, v.sha256, v.size, v.content_type, v.created_us, v.created_by";

    public Store Store => store;

    /// <summary>Stores a new version unless the latest one has the same hash and type; refuses another custodian's content.</summary>
    /// <param name="request">What to publish.</param>
    /// <param name="contentId">The id (the request's, or a new one).</param>
    /// <param name="sha256">The bytes' SHA-256 (hex).</param>
    /// <param name="now">The publish instant.</param>
    /// <param name="lastActivity">The request's last activity day.</param>
    /// <param name="retention">Computes the retention date from the item's last activity.</param>
    /// <param name="afterWrite">Runs inside the transaction after a new version is written (e.g. an outbox entry).</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    public async Task<PublishResult> PublishAsync(
        PublishRequest request,
        string contentId,
        string sha256,
        DateTimeOffset now,
        DateOnly lastActivity,
        Func<DateOnly, RetentionDate> retention,
        Func<DbTransaction, ContentVersion, CancellationToken, Task>? afterWrite,
        CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = store.Provider == StoreProvider.Sqlite
                ? ((SqliteConnection)connection).BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var lockClause = store.Provider == StoreProvider.PostgreSql ? " FOR UPDATE" : "";
                var existing = await ReadItemAsync(connection, transaction, $"SELECT {ItemColumns} FROM repo_content c WHERE c.id = @id{lockClause}", contentId, cancellationToken).ConfigureAwait(false);
                ContentVersion written;
                if (existing is null)
                {
                    var until = retention(lastActivity);
                    await ExecuteAsync(
                        connection.Command(
                            "INSERT INTO repo_content (id, custodian_id, record_type, category, sensitivity, person_key, retention_class, retain_until, last_activity, latest_version, created_us) " +
                            "VALUES (@id, @custodian, @type, @category, @sensitivity, @person, @class, @until, @activity, 1, @created)",
                            transaction)
                            .With("id", contentId).With("custodian", request.CustodianId).With("type", request.RecordType).With("category", request.Category)
                            .With("sensitivity", (int)request.Sensitivity).With("person", request.PersonKey).With("class", request.RetentionClass)
                            .With("until", until.RetainUntil is { } u ? SqlColumns.Day(u) : null).With("activity", SqlColumns.Day(lastActivity))
                            .With("created", SqlColumns.Micros(now)),
                        cancellationToken).ConfigureAwait(false);
                    written = new ContentVersion(contentId, 1, sha256, request.Bytes.Length, request.ContentType, now, request.CreatedBy);
                }
                else
                {
                    if (!string.Equals(existing.CustodianId, request.CustodianId, StringComparison.Ordinal))
                    {
                        return new PublishResult(PublishOutcome.NotCustodian, null, $"Content {contentId} belongs to another custodian; only its custodian may publish new versions.");
                    }

                    if (!string.Equals(existing.RecordType, request.RecordType, StringComparison.Ordinal) || !string.Equals(existing.PersonKey, request.PersonKey, StringComparison.Ordinal))
                    {
                        return new PublishResult(PublishOutcome.Invalid, null, $"Content {contentId} is of another record type or about another person; publish it as new content.");
                    }

                    var latest = await ReadVersionMetaAsync(connection, transaction, contentId, existing.LatestVersion, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"Content {contentId} has no version {existing.LatestVersion}.");
                    if (string.Equals(latest.Sha256, sha256, StringComparison.Ordinal) && string.Equals(latest.ContentType, request.ContentType, StringComparison.Ordinal))
                    {
                        return new PublishResult(PublishOutcome.Unchanged, latest);
                    }

                    var activity = lastActivity > existing.LastActivity ? lastActivity : existing.LastActivity;
                    var until = retention(activity);
                    await ExecuteAsync(
                        connection.Command(
                            "UPDATE repo_content SET latest_version = @version, last_activity = @activity, retain_until = @until, retention_class = @class, " +
                            "category = @category, sensitivity = @sensitivity WHERE id = @id",
                            transaction)
                            .With("version", existing.LatestVersion + 1).With("activity", SqlColumns.Day(activity))
                            .With("until", until.RetainUntil is { } u ? SqlColumns.Day(u) : null).With("class", request.RetentionClass)
                            .With("category", request.Category).With("sensitivity", (int)request.Sensitivity).With("id", contentId),
                        cancellationToken).ConfigureAwait(false);
                    written = new ContentVersion(contentId, existing.LatestVersion + 1, sha256, request.Bytes.Length, request.ContentType, now, request.CreatedBy);
                }

                await ExecuteAsync(
                    connection.Command(
                        "INSERT INTO repo_version (content_id, version, sha256, size, content_type, created_us, created_by, bytes) " +
                        "VALUES (@id, @version, @sha, @size, @type, @created, @by, @bytes)",
                        transaction)
                        .With("id", contentId).With("version", written.Version).With("sha", sha256).With("size", written.Size)
                        .With("type", written.ContentType).With("created", SqlColumns.Micros(now)).With("by", written.CreatedBy)
                        .With("bytes", request.Bytes.ToArray()),
                    cancellationToken).ConfigureAwait(false);
                if (afterWrite is not null)
                {
                    await afterWrite(transaction, written, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PublishResult(PublishOutcome.Created, written);
            }
        }
    }

    public async Task<ContentItem?> GetItemAsync(string contentId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadItemAsync(connection, null, $"SELECT {ItemColumns} FROM repo_content c WHERE c.id = @id", contentId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A version's bytes and metadata, unchecked (the caller verifies the hash); null when absent.</summary>
    public async Task<(ContentItem Item, ContentVersion Version, byte[] Bytes)?> ReadAsync(string contentId, int? version, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var item = await ReadItemAsync(connection, null, $"SELECT {ItemColumns} FROM repo_content c WHERE c.id = @id", contentId, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                return null;
            }

            var command = connection.Command($"SELECT {VersionColumns}, v.bytes FROM repo_version v WHERE v.content_id = @id AND v.version = @version")
                .With("id", contentId).With("version", version ?? item.LatestVersion);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return (item, ReadVersion(reader), (byte[])reader.GetValue(7));
                }
            }
        }
    }

    public async Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(string contentId, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command($"SELECT {VersionColumns} FROM repo_version v WHERE v.content_id = @id ORDER BY v.version").With("id", contentId);
            await using (command.ConfigureAwait(false))
            {
                var found = new List<ContentVersion>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(ReadVersion(reader));
                    }
                }

                return found;
            }
        }
    }

    /// <summary>Sets or clears the hold; false when the content does not exist.</summary>
    public async Task<bool> SetHoldAsync(string contentId, LegalHold? hold, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("UPDATE repo_content SET hold_reason = @reason, hold_by = @by, hold_us = @at WHERE id = @id")
                .With("reason", hold?.Reason).With("by", hold?.SetBy).With("at", hold is null ? null : SqlColumns.Micros(hold.SetAt)).With("id", contentId);
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
    }

    /// <summary>Content whose last retained day is before <paramref name="today"/>, on hold or not, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListExpiredAsync(DateOnly today, string? after, int limit, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var sql = $"SELECT {ItemColumns} FROM repo_content c WHERE c.retain_until IS NOT NULL AND c.retain_until < @today" +
                (after is null ? "" : " AND c.id > @after") + " ORDER BY c.id LIMIT @limit";
            var command = connection.Command(sql).With("today", SqlColumns.Day(today)).With("limit", (long)limit);
            if (after is not null)
            {
                command.With("after", after);
            }

            await using (command.ConfigureAwait(false))
            {
                var found = new List<ContentItem>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(ReadItem(reader));
                    }
                }

                return found;
            }
        }
    }

    /// <summary>How many items are expired before <paramref name="today"/> (for the progress line).</summary>
    public async Task<long> CountExpiredAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command("SELECT COUNT(*) FROM repo_content WHERE retain_until IS NOT NULL AND retain_until < @today").With("today", SqlColumns.Day(today));
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Deletes the item and its versions if it is still expired before <paramref name="today"/> and not on hold
    /// (checked in the same statement, so a hold set meanwhile wins). True when deleted.
    /// </summary>
    public async Task<bool> DeleteExpiredAsync(string contentId, DateOnly today, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Versions first: SQLite's cascade needs foreign keys on, which we do not rely on here.
                var versions = connection.Command(
                    "DELETE FROM repo_version WHERE content_id IN (SELECT id FROM repo_content WHERE id = @id AND hold_reason IS NULL AND retain_until IS NOT NULL AND retain_until < @today)",
                    transaction).With("id", contentId).With("today", SqlColumns.Day(today));
                await ExecuteAsync(versions, cancellationToken).ConfigureAwait(false);
                var item = connection.Command(
                    "DELETE FROM repo_content WHERE id = @id AND hold_reason IS NULL AND retain_until IS NOT NULL AND retain_until < @today",
                    transaction).With("id", contentId).With("today", SqlColumns.Day(today));
                var deleted = await ExecuteAsync(item, cancellationToken).ConfigureAwait(false) == 1;
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return deleted;
            }
        }
    }

    private static async Task<int> ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ContentItem?> ReadItemAsync(DbConnection connection, DbTransaction? transaction, string sql, string contentId, CancellationToken cancellationToken)
    {
        var command = connection.Command(sql, transaction).With("id", contentId);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadItem(reader) : null;
            }
        }
    }

    private static async Task<ContentVersion?> ReadVersionMetaAsync(DbConnection connection, DbTransaction transaction, string contentId, int version, CancellationToken cancellationToken)
    {
        var command = connection.Command($"SELECT {VersionColumns} FROM repo_version v WHERE v.content_id = @id AND v.version = @version", transaction)
            .With("id", contentId).With("version", version);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadVersion(reader) : null;
            }
        }
    }

    private static ContentItem ReadItem(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        (SensitivityLabels)SqlColumns.Int(r, 4),
        r.GetString(5),
        r.GetString(6),
        SqlColumns.NullableString(r, 7) is { } until ? SqlColumns.ParseDay(until) : null,
        SqlColumns.ParseDay(r.GetString(8)),
        SqlColumns.Int(r, 9),
        SqlColumns.Instant(SqlColumns.Long(r, 10)),
        SqlColumns.NullableString(r, 11) is { } reason
            ? new LegalHold(reason, r.GetString(12), SqlColumns.Instant(SqlColumns.Long(r, 13)))
            : null);

    private static ContentVersion ReadVersion(DbDataReader r) => new(
        r.GetString(0),
        SqlColumns.Int(r, 1),
        r.GetString(2),
        SqlColumns.Long(r, 3),
        r.GetString(4),
        SqlColumns.Instant(SqlColumns.Long(r, 5)),
        r.GetString(6));
}
