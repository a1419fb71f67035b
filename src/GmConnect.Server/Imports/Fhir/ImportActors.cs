using GmConnect.Integration.Fhir;
using GmConnect.Governance.Administration;

namespace GmConnect.Server.Imports.Fhir;

/// <summary>
/// Who an import acts as, in Governance's terms: the importing organisation and a practitioner registered there. The
/// practitioner is the one named (<c>gmc import --practitioner</c>), else the first active practitioner (by key) who
/// holds a role in the organisation, so that every pointer and content version an import publishes is audited
/// against a registered person of the producing organisation, as when it is posted to the API.
/// </summary>
internal sealed class ImportActors(GovernanceAdministration governance)
{
    /// <summary>The practitioner to act as; null: the first registered in the organisation.</summary>
    public string? Practitioner { get; init; }

    /// <summary>
    /// The actor for the context's organisation: the practitioner and role it names (an upload's token), else one chosen
    /// as above; null when the context names no organisation or no such practitioner is registered there.
    /// </summary>
    public Actor? For(FhirImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Organisation is not { } organisation)
        {
            return null;
        }

        var requestId = "gmc-import:" + context.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context is { Practitioner: { } named, Role: { } namedRole })
        {
            // An upload acts as the token's practitioner; the Locator and the Repository check their registration.
            return new Actor(named, organisation, namedRole, requestId);
        }

        foreach (var practitioner in governance.Practitioners)
        {
            if (!practitioner.Active || (Practitioner is not null && !string.Equals(practitioner.Id, Practitioner, StringComparison.Ordinal)))
            {
                continue;
            }

            if (practitioner.Roles.FirstOrDefault(r => string.Equals(r.OrganisationId, organisation, StringComparison.Ordinal)) is { } role)
            {
                return new Actor(practitioner.Id, organisation, role.Role, requestId);
            }
        }

        return null;
    }
}
