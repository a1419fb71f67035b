using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// Builds the server's CapabilityStatement from every registered <see cref="IFhirCapability"/>. It is a contract
/// others build on, snapshot-tested against <c>docs/fhir/capability-statement.json</c>.
/// </summary>
internal sealed class FhirCapabilityStatement(IEnumerable<IFhirCapability> parts)
{
    /// <summary>
    /// The date the statement last changed. It is part of the snapshot, so it moves only when the API does
    /// (we do not stamp the start-up time: the statement would differ on every run).
    /// </summary>
    public const string Date = "2026-11-29";

    public CapabilityStatement Build()
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "GM Connect's FHIR R4 API: identity (Patient, Person, IHE PIXm and PDQm, $match). Every read is decided by Governance and audited.",
            Security = new CapabilityStatement.SecurityComponent
            {
                Cors = false,
                Description = "A bearer token (OpenID Connect; the embedded default's development issuer: `gmc token`) naming the practitioner (sub), organisation (subject_organization_id), role (subject_role) and purpose of use (purpose_of_use). Each resource returned is decided under the sharing agreements and audited; denied resources are withheld or answered 403/404; protected addresses are redacted.",
            },
        };
        foreach (var part in parts)
        {
            part.Describe(rest);
        }

        rest.Resource = [.. rest.Resource.OrderBy(r => r.Type, StringComparer.Ordinal)];
        foreach (var resource in rest.Resource)
        {
            resource.Operation = [.. resource.Operation.OrderBy(o => o.Name, StringComparer.Ordinal)];
            resource.SearchParam = [.. resource.SearchParam.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }

        return new CapabilityStatement
        {
            Id = "gmconnect",
            Url = "urn:gmconnect:fhir:CapabilityStatement/gmconnect",
            Name = "GMConnect",
            Title = "GM Connect FHIR R4 API",
            Status = PublicationStatus.Active,
            Experimental = false,
            Date = Date,
            Publisher = "GM Connect",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "GM Connect" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "GM Connect information exchange" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirJson.MediaType, "json"],
            Rest = [rest],
        };
    }
}
