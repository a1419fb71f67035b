using System.Net.Http.Json;
using GmConnect.Governance.Decisions;
using GmConnect.Notifications.Outbox;
using GmConnect.Notifications.Storage;
using GmConnect.Notifications.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Notifications.Delivery;

/// <summary>
/// Delivers notifications at least once: each pass expands new outbox events into one delivery per matching
/// subscription, asks Governance whether the subscriber may learn of each (a denial withholds it for good, and the
/// decision is audited), POSTs the permitted ones, and schedules failures again with exponential backoff until
/// <see cref="NotificationOptions.MaxAttempts"/>, after which they go to the dead-letter list.
/// </summary>
/// <remarks>
/// At least once, not exactly once: a crash after a receiver's 2xx but before the delivery is marked sends it
/// again; receivers drop duplicates by the notification <c>id</c>. One dispatcher per store is assumed (two hosts
/// would each deliver, still at least once).
/// </remarks>
public sealed class NotificationDispatcher : BackgroundService
{
    private readonly SqlNotificationStore _store;
    private readonly AccessGate _gate;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly NotificationOptions _options;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly ISubjectResolver? _resolver;

    internal NotificationDispatcher(
        SqlNotificationStore store, AccessGate gate, HttpClient http, TimeProvider time, IOptions<NotificationOptions> options,
        ILogger<NotificationDispatcher> logger, ISubjectResolver? resolver = null)
    {
        _store = store;
        _resolver = resolver;
        _gate = gate;
        _http = http;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Every delivery in a status (all when null), for operators and tests: the dead-letter list is <see cref="DeliveryStatus.DeadLetter"/>.</summary>
    public Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(DeliveryStatus? status = null, CancellationToken cancellationToken = default) =>
        _store.DeliveriesAsync(status, cancellationToken);

    /// <summary>One pass: expand new events, then attempt every due delivery. Returns how many deliveries were attempted or decided.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var events = await _store.UnexpandedEventsAsync(_options.BatchSize, cancellationToken).ConfigureAwait(false);
        if (events.Count > 0)
        {
            var subscriptions = await _store.ActiveSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
            var persons = await CurrentPersonsAsync(subscriptions, cancellationToken).ConfigureAwait(false);
            foreach (var e in events)
            {
                await _store.ExpandAsync(e, subscriptions.Where(s => s.Matches(e, persons.GetValueOrDefault(s.Id))), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }

        var due = await _store.DueDeliveriesAsync(_time.GetUtcNow(), _options.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var (delivery, notification) in due)
        {
            await AttemptAsync(delivery, notification, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    /// <summary>
    /// The person each person subscription's identifier belongs to now. A subscription follows its identifier through
    /// the Identity Manager's merges and unmerges, as pointers do (resolved when matched, not when made): merged into
    /// B, the subscriber to A's NHS number hears of B's pointers; unmerged, of A's again. An identifier the index no
    /// longer knows keeps the person the subscription was made for. One resolution per identifier per pass.
    /// </summary>
    private async Task<Dictionary<string, string>> CurrentPersonsAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_resolver is null)
        {
            return current;
        }

        var resolved = new Dictionary<(string, string), string?>();
        foreach (var subscription in subscriptions)
        {
            if (subscription.Criteria is not { IsPerson: true, SubjectSystem: { } system, SubjectValue: { } value })
            {
                continue;
            }

            if (!resolved.TryGetValue((system, value), out var person))
            {
                person = await _resolver.ResolvePersonKeyAsync(system, value, cancellationToken).ConfigureAwait(false);
                resolved[(system, value)] = person;
            }

            if (person is not null)
            {
                current[subscription.Id] = person;
            }
        }

        return current;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be briefly unavailable; the outbox keeps everything, so the next pass resumes.
                Log.PassFailed(_logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task AttemptAsync(NotificationDelivery delivery, NotificationEvent notification, CancellationToken cancellationToken)
    {
        var subscription = await _store.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (subscription is null || subscription.Status != SubscriptionStatus.Active)
        {
            await _store.UpdateDeliveryAsync(delivery.Id, DeliveryStatus.Withheld, delivery.Attempts, now, "subscription-off", now, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Decided at every attempt, not once: an agreement suspended since the event stops the notification.
        var decision = await _gate.DecideAsync(
            new AccessRequest(subscription.PractitionerId, subscription.OwnerOrganisationId, subscription.Role, subscription.Purpose, AccessAction.Read, "notification:" + delivery.Id),
            new GovernedResource("DocumentReference/" + notification.PointerId, notification.PersonKey, notification.CustodianId, notification.Category, notification.Sensitivity),
            cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            var reason = decision.PrimaryReason.ToString();
            Log.Withheld(_logger, delivery.Id, subscription.Id, reason);
            await _store.UpdateDeliveryAsync(delivery.Id, DeliveryStatus.Withheld, delivery.Attempts, now, reason, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var attempt = delivery.Attempts + 1;
        var payload = new NotificationPayload(
            delivery.Id, "Subscription/" + subscription.Id, notification.Kind, notification.EventId, notification.PersonKey,
            "DocumentReference/" + notification.PointerId, notification.RecordType, notification.CustodianId, notification.OccurredAt);
        string? error;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            using var response = await _http.PostAsJsonAsync(subscription.Endpoint, payload, timeout.Token).ConfigureAwait(false);
            error = response.IsSuccessStatusCode ? null : "http-" + (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = e is TaskCanceledException ? "timeout" : "unreachable";
        }

        now = _time.GetUtcNow();
        if (error is null)
        {
            Log.Delivered(_logger, delivery.Id, subscription.Id, attempt);
            await _store.UpdateDeliveryAsync(delivery.Id, DeliveryStatus.Delivered, attempt, now, null, now, cancellationToken).ConfigureAwait(false);
        }
        else if (attempt >= _options.MaxAttempts)
        {
            Log.DeadLettered(_logger, delivery.Id, subscription.Id, attempt, error);
            await _store.UpdateDeliveryAsync(delivery.Id, DeliveryStatus.DeadLetter, attempt, now, error, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var backoff = _options.BackoffAfter(attempt);
            Log.Retrying(_logger, delivery.Id, subscription.Id, attempt, error, backoff);
            await _store.UpdateDeliveryAsync(delivery.Id, DeliveryStatus.Pending, attempt, now + backoff, error, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
