using GmConnect.Governance.Audit;
using GmConnect.Governance.Decisions;
using GmConnect.Notifications.Delivery;
using GmConnect.Notifications.Storage;
using Microsoft.Extensions.Options;

namespace GmConnect.Notifications.Subscriptions;

/// <summary>Creates, reads and deletes subscriptions. Only the owning organisation sees or deletes its own.</summary>
public sealed class SubscriptionService
{
    private readonly SqlNotificationStore _store;
    private readonly ISubjectResolver? _resolver;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly NotificationOptions _options;

    internal SubscriptionService(SqlNotificationStore store, ISubjectResolver? resolver, AuditTrail audit, TimeProvider time, IOptions<NotificationOptions> options)
    {
        _store = store;
        _resolver = resolver;
        _audit = audit;
        _time = time;
        _options = options.Value;
    }

    /// <summary>Creates a subscription owned by the requester's organisation, or says why not.</summary>
    public async Task<SubscriptionResult> CreateAsync(SubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SubscriptionCriteria.TryParse(request.Criteria, out var criteria, out var problem))
        {
            return new SubscriptionResult(null, problem);
        }

        if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out var endpoint)
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && _options.AllowInsecureEndpoints)))
        {
            return new SubscriptionResult(null, _options.AllowInsecureEndpoints
                ? "The endpoint must be an absolute http(s) URL."
                : "The endpoint must be an absolute https URL.");
        }

        string? personKey = null;
        if (criteria.IsPerson)
        {
            if (_resolver is null)
            {
                return new SubscriptionResult(null, "Subscriptions on a person need the Identity Manager, which this host does not provide.");
            }

            personKey = await _resolver.ResolvePersonKeyAsync(criteria.SubjectSystem!, criteria.SubjectValue!, cancellationToken).ConfigureAwait(false);
            if (personKey is null)
            {
                return new SubscriptionResult(null, "No person is known by that subject identifier.");
            }
        }

        var now = _time.GetUtcNow();
        var subscription = new Subscription(
            Guid.CreateVersion7(now).ToString(), request.Requester.OrganisationId, request.Requester.PractitionerId, request.Requester.Role,
            request.Requester.Purpose, criteria, personKey, endpoint, SubscriptionStatus.Active, now);
        await _store.SaveSubscriptionAsync(subscription, cancellationToken).ConfigureAwait(false);
        await AuditAsync(request.Requester, subscription, AuditEventType.Created, cancellationToken).ConfigureAwait(false);
        return new SubscriptionResult(subscription, null);
    }

    /// <summary>The subscription if the organisation owns it; null otherwise (another's is not revealed).</summary>
    public async Task<Subscription?> GetAsync(string id, string organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var found = await _store.GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        return found is not null && string.Equals(found.OwnerOrganisationId, organisationId, StringComparison.Ordinal) ? found : null;
    }

    /// <summary>Turns the organisation's subscription off; false when it has no such subscription.</summary>
    public async Task<bool> DeleteAsync(string id, AccessRequest requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var found = await GetAsync(id, requester.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (found is null || !await _store.SetStatusAsync(id, SubscriptionStatus.Off, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await AuditAsync(requester, found, AuditEventType.Deleted, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task<AuditEntry> AuditAsync(AccessRequest requester, Subscription subscription, AuditEventType type, CancellationToken cancellationToken) =>
        _audit.AppendAsync(
            new AuditRecord(
                type, "success", requester.PractitionerId, requester.OrganisationId, requester.Role, requester.Purpose.ToCode(), requester.RequestId,
                subscription.PersonKey is { } person ? [person] : [], [],
                Detail: "subscription:" + subscription.Id + (subscription.Criteria.IsPerson ? " on a person" : " on types " + string.Join(',', subscription.Criteria.RecordTypes))),
            cancellationToken);
}
