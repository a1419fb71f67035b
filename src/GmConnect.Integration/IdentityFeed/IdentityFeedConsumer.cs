using System.Data.Common;
using System.Globalization;
using GmConnect.Identity.Manager;
using GmConnect.Storage;
using Microsoft.Extensions.Logging;

namespace GmConnect.Integration.IdentityFeed;

/// <summary>
/// Feeds imported person records to the Identity Manager: reads Integration's change feed
/// (<c>integration_change</c>) after its stored cursor, submits each changed record as it now stands, then moves
/// the cursor. Each batch goes to the manager as one <see cref="IIdentityManager.SubmitBatchAsync"/>. At-least-once: a crash between submitting and moving the cursor replays the batch, which is
/// harmless because <see cref="IIdentityManager.SubmitAsync"/> on unchanged content changes nothing.
/// <para>
/// On PostgreSQL a change can commit after a later one (two imports at once take sequence numbers in one order
/// and commit in the other), so a reader that jumps a gap could skip it for ever. We stop before a gap in the
/// sequence and wait for it to fill; a gap still open after <see cref="GapGrace"/> is taken as a rolled-back
/// insert (sequence numbers are not reused) and passed.
/// </para>
/// </summary>
public sealed class IdentityFeedConsumer(Store store, IIdentityManager identity, TimeProvider time, ILogger<IdentityFeedConsumer> logger) : IDisposable
{
    /// <summary>The consumer's name in <c>integration_feed_cursor</c>.</summary>
    public const string ConsumerName = "identity";

    /// <summary>Changes read per batch (one cursor move per batch).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How long a gap in the change sequence is waited for before it is taken as a rollback.</summary>
    public TimeSpan GapGrace { get; init; } = TimeSpan.FromSeconds(30);

    // One catch-up at a time in this process: two would both start from the same cursor and could move it back.
    private readonly SemaphoreSlim _running = new(1, 1);
    private (long Seq, DateTimeOffset Since)? _gap;

    /// <summary>Submits every change after the cursor, batch by batch, until the feed is drained or cancelled.</summary>
    public async Task<FeedProgress> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<FeedProgress> DrainAsync(CancellationToken cancellationToken)
    {
        var total = new FeedProgress(0, 0, 0, 0);
        while (true)
        {
            var batch = await RunBatchAsync(cancellationToken).ConfigureAwait(false);
            total = new FeedProgress(total.Changes + batch.Changes, total.Submitted + batch.Submitted, total.Unchanged + batch.Unchanged, batch.Cursor);
            if (batch.Changes < BatchSize)
            {
                if (total.Changes > 0)
                {
                    Log.IdentityFeedCaughtUp(logger, total.Changes, total.Submitted, total.Unchanged, total.Cursor);
                }

                return total;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _running.Dispose();

    /// <summary>The position the consumer has reached (0 before the first change).</summary>
    public async Task<long> CursorAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCursorAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FeedProgress> RunBatchAsync(CancellationToken cancellationToken)
    {
        long cursor;
        var changes = 0;
        var last = 0L;
        var records = new Dictionary<SourceRecordKey, IdentityRecord>();
        var order = new List<SourceRecordKey>();
        await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            cursor = await ReadCursorAsync(connection, cancellationToken).ConfigureAwait(false);
            last = cursor;
            await using var command = connection.Command($"""
                SELECT c.seq, r.source, r.record_id, r.nhs_number, r.upn, r.nino, r.pnc_id, r.given_name, r.middle_names, r.family_name,
                       r.sex, r.date_of_birth, r.postcode, r.address, r.phone, r.email, r.recorded_on
                FROM integration_change c
                JOIN integration_person_record r ON r.source = c.source AND r.record_id = c.record_id
                WHERE c.seq > @cursor
                ORDER BY c.seq
                LIMIT {BatchSize.ToString(CultureInfo.InvariantCulture)}
                """).With("cursor", cursor);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var seq = reader.GetInt64(0);
                if (seq != last + 1 && !GapPassed(last + 1))
                {
                    break;
                }

                changes++;
                last = seq;
                var record = Read(reader);
                if (records.TryAdd(record.Key, record))
                {
                    order.Add(record.Key);
                }
            }
        }

        if (changes == 0)
        {
            return new FeedProgress(0, 0, 0, cursor);
        }

        // One batch for the Identity Manager too: matched in order, each against the earlier ones, stored in one
        // transaction (all or none, so a failure leaves the cursor and the index where they were).
        var outcomes = await identity.SubmitBatchAsync(order.ConvertAll(key => records[key]), cancellationToken).ConfigureAwait(false);
        var unchanged = outcomes.Count(o => o.Decision == MatchDecision.Unchanged);

        await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var sql = store.Provider == StoreProvider.PostgreSql
                ? "INSERT INTO integration_feed_cursor (consumer, seq, updated_at) VALUES (@c, @s, @t) ON CONFLICT (consumer) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at"
                : "INSERT INTO integration_feed_cursor (consumer, seq, updated_at) VALUES (@c, @s, @t) ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at";
            await connection.Command(sql).With("c", ConsumerName).With("s", last)
                .With("t", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new FeedProgress(changes, order.Count, unchanged, last);
    }

    /// <summary>True when the gap starting at <paramref name="seq"/> has stayed open longer than <see cref="GapGrace"/>.</summary>
    private bool GapPassed(long seq)
    {
        var now = time.GetUtcNow();
        if (_gap is not { } gap || gap.Seq != seq)
        {
            _gap = (seq, now);
            Log.IdentityFeedGap(logger, seq);
            return GapGrace <= TimeSpan.Zero;
        }

        return now - gap.Since >= GapGrace;
    }

    private static async Task<long> ReadCursorAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT seq FROM integration_feed_cursor WHERE consumer = @c").With("c", ConsumerName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : 0;
    }

    private static IdentityRecord Read(DbDataReader reader) => new()
    {
        Source = reader.GetString(1),
        RecordId = reader.GetString(2),
        NhsNumber = reader.GetNullableString(3),
        Upn = reader.GetNullableString(4),
        Nino = reader.GetNullableString(5),
        PncId = reader.GetNullableString(6),
        GivenName = reader.GetNullableString(7),
        MiddleNames = reader.GetNullableString(8),
        FamilyName = reader.GetNullableString(9),
        Sex = reader.GetNullableString(10),
        DateOfBirth = Date(reader.GetNullableString(11)),
        Postcode = reader.GetNullableString(12),
        Address = reader.GetNullableString(13),
        Phone = reader.GetNullableString(14),
        Email = reader.GetNullableString(15),
        RecordedOn = Date(reader.GetNullableString(16)),
    };

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
