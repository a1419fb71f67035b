using GmConnect.Identity.Manager;
using GmConnect.Notifications.Subscriptions;

namespace GmConnect.Server.Fhir.Subscriptions;

/// <summary>
/// Subscriptions on a person through the Identity Manager: an identifier resolves to the person it is linked to
/// (a merged person to the survivor). Registered by the host once an <see cref="IIdentityManager"/> is.
/// </summary>
internal sealed class IdentitySubjectResolver(IIdentityManager identities) : ISubjectResolver
{
    public async Task<string?> ResolvePersonKeyAsync(string system, string value, CancellationToken cancellationToken = default)
    {
        var person = await identities.ResolveAsync(system, value, cancellationToken).ConfigureAwait(false);
        return person?.MergedInto ?? person?.PersonId;
    }
}
