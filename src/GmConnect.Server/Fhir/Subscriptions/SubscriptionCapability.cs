using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Subscriptions;

/// <summary>The Subscription resource in the CapabilityStatement.</summary>
internal sealed class SubscriptionCapability : IFhirCapability
{
    public void Describe(CapabilityStatement.RestComponent rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        rest.Resource.Add(new CapabilityStatement.ResourceComponent
        {
            Type = "Subscription",
            Documentation = "rest-hook subscriptions on a person (DocumentReference?subject:identifier=system|value) or on record types (DocumentReference?type=code,…); notifications carry keys, never content, and are decided by Governance before delivery.",
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Delete },
            ],
        });
    }
}
