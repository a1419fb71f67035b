using GmConnect.Governance.Administration;
using GmConnect.Integration.Fhir;
using GmConnect.Locator.Pointers;
using GmConnect.Repository.Content;

namespace GmConnect.Server.Imports.Fhir;

/// <summary>The host's side of the FHIR import: the targets that take what Integration does not land itself.</summary>
internal static class FhirImportTargets
{
    /// <summary>
    /// Registers the <c>DocumentReference</c> (Locator) and <c>Binary</c> (Repository) targets, which
    /// <see cref="FhirImporter"/> picks up. <paramref name="practitioner"/>: whom to act as in the importing
    /// organisation (default: its first registered practitioner).
    /// </summary>
    public static IServiceCollection AddFhirImportTargets(this IServiceCollection services, string? practitioner = null)
    {
        services.AddSingleton(sp => new ImportActors(sp.GetRequiredService<GovernanceAdministration>()) { Practitioner = practitioner });
        services.AddSingleton<IFhirImportTarget>(sp => new DocumentReferenceImportTarget(
            sp.GetRequiredService<PointerPublisher>(), sp.GetRequiredService<BulkPointerPublisher>(), sp.GetRequiredService<ImportActors>()));
        services.AddSingleton<IFhirImportTarget>(sp => new BinaryImportTarget(sp.GetRequiredService<ContentRepository>(), sp.GetRequiredService<ImportActors>()));
        return services;
    }
}
