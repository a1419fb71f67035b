using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Binaries;

/// <summary>The Binary resource in the CapabilityStatement: create, update, read and vread.</summary>
internal sealed class BinaryCapability : IFhirCapability
{
    public void Describe(CapabilityStatement.RestComponent rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        rest.Resource.Add(new CapabilityStatement.ResourceComponent
        {
            Type = "Binary",
            Versioning = CapabilityStatement.ResourceVersionPolicy.Versioned,
            ReadHistory = true,
            Documentation = "Content published centrally by its custodian, in immutable versions with a SHA-256 each; every read is decided by Governance and audited.",
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Update },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Vread },
            ],
        });
    }
}
