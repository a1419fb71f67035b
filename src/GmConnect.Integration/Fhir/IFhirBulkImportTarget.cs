using Hl7.Fhir.Model;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// A target that takes a chunk's resources of its type at once (the Locator's bulk producer path, docs/adr/0009).
/// The importer hands over, in file order, every resource of the chunk that is new or changed; no key appears twice
/// in one call. Each result must be what <see cref="IFhirImportTarget.ImportAsync"/> would have given for that
/// resource one by one, and the target stays idempotent by key.
/// </summary>
public interface IFhirBulkImportTarget : IFhirImportTarget
{
    /// <summary>Imports <paramref name="items"/>; one result per item, in order.</summary>
    Task<IReadOnlyList<FhirTargetResult>> ImportManyAsync(IReadOnlyList<(Resource Resource, FhirImportContext Context)> items, CancellationToken cancellationToken);
}
