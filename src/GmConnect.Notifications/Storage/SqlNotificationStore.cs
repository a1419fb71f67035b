using System.Data.Common;
using System.Globalization;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Sensitivity;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Outbox;
using GmConnect.Notifications.Subscriptions;
using GmConnect.Storage;

namespace GmConnect.Notifications.Storage;

/// <summary>Subscriptions, the outbox and deliveries in SQLite or PostgreSQL.</summary>
internal sealed partial class SqlNotificationStore(Store store)
{
    private const string SubscriptionColumns = "id, owner_organisation_id, practitioner_id, role, purpose, criteria, person_key, endpoint, status, created_us";
    private const string EventColumns = "id, kind, person_key, pointer_id, record_type, category, custodian_id, sensitivity, occurred_us";

    public Store Store => store;

    public async Task SaveSubscriptionAsync(Subscription s, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"INSERT INTO notif_subscription ({SubscriptionColumns}, record_types) VALUES (@id, @owner, @practitioner, @role, @purpose, @criteria, @person, @endpoint, @status, @created, @types)")
            .With("id", s.Id).With("owner", s.OwnerOrganisationId).With("practitioner", s.PractitionerId).With("role", s.Role)
            .With("purpose", s.Purpose.ToCode()).With("criteria", s.Criteria.Text).With("person", s.PersonKey).With("endpoint", s.Endpoint.ToString())
            .With("status", Status(s.Status)).With("created", Micros(s.CreatedAt)).With("types", string.Join(',', s.Criteria.RecordTypes));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Subscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken)
    {
        var found = await QuerySubscriptionsAsync("WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<Subscription>> ActiveSubscriptionsAsync(CancellationToken cancellationToken) =>
        QuerySubscriptionsAsync("WHERE status = 'active'", cancellationToken);

    public async Task<bool> SetStatusAsync(string id, SubscriptionStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE notif_subscription SET status = @status WHERE id = @id").With("status", Status(status)).With("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Writes an event on the caller's transaction (or its own connection); the same id twice is one event.</summary>
    public async Task<bool> InsertEventAsync(NotificationEvent e, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        DbConnection? own = null;
        var connection = transaction?.Connection ?? (own = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await using var command = connection.Command(
                $"INSERT INTO notif_event ({EventColumns}, expanded) VALUES (@id, @kind, @person, @pointer, @type, @category, @custodian, @sensitivity, @occurred, 0) ON CONFLICT (id) DO NOTHING",
                transaction)
                .With("id", e.EventId).With("kind", e.Kind).With("person", e.PersonKey).With("pointer", e.PointerId).With("type", e.RecordType)
                .With("category", e.Category).With("custodian", e.CustodianId).With("sensitivity", (int)e.Sensitivity).With("occurred", Micros(e.OccurredAt));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<NotificationEvent>> UnexpandedEventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {EventColumns} FROM notif_event WHERE expanded = 0 ORDER BY occurred_us, id LIMIT @limit").With("limit", (long)limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<NotificationEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ReadEvent(reader, 0));
        }

        return found;
    }

    /// <summary>Creates one pending delivery per matching subscription and marks the event expanded, in one transaction.</summary>
    public async Task ExpandAsync(NotificationEvent e, IEnumerable<Subscription> matching, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var s in matching)
        {
            await using var insert = connection.Command(
                "INSERT INTO notif_delivery (id, event_id, subscription_id, status, attempts, next_attempt_us, last_error, updated_us) " +
                "VALUES (@id, @event, @subscription, 'pending', 0, @next, NULL, @now) ON CONFLICT (event_id, subscription_id) DO NOTHING",
                transaction)
                .With("id", Guid.CreateVersion7(now).ToString()).With("event", e.EventId).With("subscription", s.Id).With("next", Micros(now)).With("now", Micros(now));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var mark = connection.Command("UPDATE notif_event SET expanded = 1 WHERE id = @id", transaction).With("id", e.EventId);
        await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(NotificationDelivery Delivery, NotificationEvent Event)>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT d.id, d.event_id, d.subscription_id, d.status, d.attempts, d.next_attempt_us, d.last_error, " +
            "e.id, e.kind, e.person_key, e.pointer_id, e.record_type, e.category, e.custodian_id, e.sensitivity, e.occurred_us " +
            "FROM notif_delivery d JOIN notif_event e ON e.id = d.event_id WHERE d.status = 'pending' AND d.next_attempt_us <= @now ORDER BY d.next_attempt_us, d.id LIMIT @limit")
            .With("now", Micros(now)).With("limit", (long)limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(NotificationDelivery, NotificationEvent)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add((ReadDelivery(reader), ReadEvent(reader, 7)));
        }

        return found;
    }

    public async Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(DeliveryStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var sql = "SELECT id, event_id, subscription_id, status, attempts, next_attempt_us, last_error FROM notif_delivery" +
            (status is null ? "" : " WHERE status = @status") + " ORDER BY updated_us, id";
        await using var command = connection.Command(sql);
        if (status is { } s)
        {
            command.With("status", DeliveryStatuses.ToCode(s));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<NotificationDelivery>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(ReadDelivery(reader));
        }

        return found;
    }

    public async Task UpdateDeliveryAsync(string id, DeliveryStatus status, int attempts, DateTimeOffset nextAttempt, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE notif_delivery SET status = @status, attempts = @attempts, next_attempt_us = @next, last_error = @error, updated_us = @now WHERE id = @id")
            .With("status", DeliveryStatuses.ToCode(status)).With("attempts", attempts).With("next", Micros(nextAttempt)).With("error", error)
            .With("now", Micros(now)).With("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Subscription>> QuerySubscriptionsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {SubscriptionColumns} FROM notif_subscription {where} ORDER BY id");
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!SubscriptionCriteria.TryParse(reader.GetString(5), out var criteria, out _))
            {
                throw new InvalidOperationException($"Subscription {reader.GetString(0)} has unreadable criteria.");
            }

            found.Add(new Subscription(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), PurposeCodes.Parse(reader.GetString(4)),
                criteria,
                reader.IsDBNull(6) ? null : reader.GetString(6), new Uri(reader.GetString(7)),
                reader.GetString(8) == "active" ? SubscriptionStatus.Active : SubscriptionStatus.Off, Instant(Long(reader, 9))));
        }

        return found;
    }

    private static NotificationEvent ReadEvent(DbDataReader r, int o) => new(
        r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), r.GetString(o + 3), r.GetString(o + 4), r.GetString(o + 5), r.GetString(o + 6),
        (SensitivityLabels)Convert.ToInt32(r.GetValue(o + 7), CultureInfo.InvariantCulture), Instant(Long(r, o + 8)));

    private static NotificationDelivery ReadDelivery(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), DeliveryStatuses.Parse(r.GetString(3)),
        Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), Instant(Long(r, 5)), r.IsDBNull(6) ? null : r.GetString(6));

    private static string Status(SubscriptionStatus status) => status == SubscriptionStatus.Active ? "active" : "off";

    private static long Long(DbDataReader r, int o) => Convert.ToInt64(r.GetValue(o), CultureInfo.InvariantCulture);

    private static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset Instant(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
