using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.DocumentReferences;

/// <summary>The Record Locator's part of the CapabilityStatement.</summary>
internal sealed class DocumentReferenceCapability : IFhirCapability
{
    public void Describe(CapabilityStatement.RestComponent rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        rest.Resource.Add(new CapabilityStatement.ResourceComponent
        {
            Type = "DocumentReference",
            Documentation = "Record Locator pointers (NRL-shaped). Producers change their own organisation's pointers only. Searches need subject:identifier (any identifier the Identity Manager knows for the person); every pointer is decided by Governance and audited; a Bundle entry with search.mode=outcome says how many were withheld and why, never which.",
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Update },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Delete },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            Versioning = CapabilityStatement.ResourceVersionPolicy.Versioned,
            UpdateCreate = false,
            ConditionalUpdate = false,
            SearchParam =
            [
                Param("subject:identifier", SearchParamType.Token, "Required, once: system|value of any identifier of the person."),
                Param("type", SearchParamType.Token, "Record type code (urn:gmconnect:record-type)."),
                Param("category", SearchParamType.Token, "Category code (urn:gmconnect:record-category)."),
                Param("custodian", SearchParamType.Token, "Custodian organisation key, e.g. dfe:352."),
                Param("period", SearchParamType.Date, "Overlaps: ge/gt/le/lt/eq YYYY-MM-DD."),
            ],
        });
    }

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
