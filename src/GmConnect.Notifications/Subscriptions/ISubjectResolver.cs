namespace GmConnect.Notifications.Subscriptions;

/// <summary>
/// Resolves a subject identifier (e.g. an NHS number) to the Identity Manager's person key, so that a subscription
/// on a person matches events however the producer identified them. The host implements it over the Identity
/// Manager (<c>IIdentityManager.ResolveAsync(system, value)</c>); Notifications does not reference Identity.
/// </summary>
public interface ISubjectResolver
{
    /// <summary>The person key, or null when no person has that identifier.</summary>
    Task<string?> ResolvePersonKeyAsync(string system, string value, CancellationToken cancellationToken = default);
}
