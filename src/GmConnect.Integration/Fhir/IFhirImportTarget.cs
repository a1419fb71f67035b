using Hl7.Fhir.Model;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// Where the FHIR importer hands a resource that Integration does not land itself (<c>DocumentReference</c> to the
/// Record Locator, <c>Binary</c> to the Repository). The host implements it over the same services its FHIR API
/// calls, so that an imported resource goes through exactly the checks a posted one does; Integration may not
/// reference Governance, which those services need to know who is acting (docs/adr/0008).
/// </summary>
/// <remarks>
/// A target must be idempotent by the resource's key (master identifier or id): the importer records what it has
/// imported only after the target returns, so a crash in between hands the same resource over again on resume.
/// </remarks>
public interface IFhirImportTarget
{
    /// <summary>The resource type this target takes, e.g. <c>DocumentReference</c>.</summary>
    string ResourceType { get; }

    /// <summary>Imports one resource on behalf of <see cref="FhirImportContext.Organisation"/>.</summary>
    Task<FhirTargetResult> ImportAsync(Resource resource, FhirImportContext context, CancellationToken cancellationToken);
}
