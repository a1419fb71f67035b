using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;
using DomainSubscription = GmConnect.Notifications.Subscriptions.Subscription;
using DomainStatus = GmConnect.Notifications.Subscriptions.SubscriptionStatus;

namespace GmConnect.Server.Fhir.Subscriptions;

/// <summary>Subscriptions as FHIR R4 <c>Subscription</c> resources (rest-hook, JSON payload).</summary>
internal static class SubscriptionResources
{
    public static Subscription ToFhir(DomainSubscription s) => new()
    {
        Id = s.Id,
        Meta = new Meta { LastUpdated = s.CreatedAt },
        Status = s.Status == DomainStatus.Active ? Subscription.SubscriptionStatus.Active : Subscription.SubscriptionStatus.Off,
        Reason = "GM Connect notification for " + s.OwnerOrganisationId,
        Criteria = s.Criteria.Text,
        Channel = new Subscription.ChannelComponent
        {
            Type = Subscription.SubscriptionChannelType.RestHook,
            Endpoint = s.Endpoint.ToString(),
            Payload = "application/json",
        },
    };

    /// <summary>Checks the parts of a posted Subscription the exchange supports; a 400 naming the element otherwise.</summary>
    public static (string Criteria, string Endpoint) Read(Subscription subscription)
    {
        if (subscription.Channel?.Type is not Subscription.SubscriptionChannelType.RestHook)
        {
            throw FhirRequestException.NotSupported("Only rest-hook channels are supported (Subscription.channel.type).");
        }

        if (string.IsNullOrWhiteSpace(subscription.Criteria) || string.IsNullOrWhiteSpace(subscription.Channel.Endpoint))
        {
            throw FhirRequestException.Invalid("Subscription needs criteria and channel.endpoint.");
        }

        if (subscription.Channel.Payload is { Length: > 0 } payload && payload is not ("application/json" or "application/fhir+json"))
        {
            throw FhirRequestException.NotSupported("Notifications are JSON (Subscription.channel.payload application/json).");
        }

        return (subscription.Criteria, subscription.Channel.Endpoint);
    }
}
