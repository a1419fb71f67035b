using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>Patient (read, PDQm search, $ihe-pix, $match, $submit-batch) and Person (read) in the CapabilityStatement.</summary>
internal sealed class IdentityCapability : IFhirCapability
{
    public void Describe(CapabilityStatement.RestComponent rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var patient = new CapabilityStatement.ResourceComponent
        {
            Type = "Patient",
            Documentation = "One Patient per source record as an agency holds it (id: the escaped source|record_id). Search is IHE PDQm: exact by default, fuzzy with _fuzzy-match=true; every result carries search.score. Paged by _count (default 20, max 100) and _offset.",
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            ReadHistory = false,
            UpdateCreate = false,
            SearchParam =
            [
                Param("family", SearchParamType.String, "Family name (exact after normalisation, or fuzzy)"),
                Param("given", SearchParamType.String, "Given name (exact after normalisation, or fuzzy)"),
                Param("birthdate", SearchParamType.Date, "Date of birth, a full date; prefix eq only"),
                Param("gender", SearchParamType.Token, "male | female | unknown"),
                Param("address-postalcode", SearchParamType.String, "Postcode; an address search never returns a person with a protected address"),
                Param("identifier", SearchParamType.Token, "system|value: a source key, NHS number, UPN, NINO, PNC ID or person id (not combined with demographics)"),
                Param("_fuzzy-match", SearchParamType.Token, "true: fuzzy (scored by the linkage model); false or absent: exact"),
            ],
            Operation =
            [
                new CapabilityStatement.OperationComponent { Name = "ihe-pix", Definition = "https://profiles.ihe.net/ITI/PIXm/OperationDefinition/IHE.PIXm.pix", Documentation = "sourceIdentifier=system|value, optional targetSystem (repeat or comma-separated); GET or POST" },
                new CapabilityStatement.OperationComponent { Name = "match", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-match", Documentation = "resource (Patient), onlySingleMatch, onlyCertainMatches, count; results with the match-grade extension" },
                new CapabilityStatement.OperationComponent { Name = "submit-batch", Definition = "urn:gmconnect:operation:Patient-submit-batch", Documentation = "Bulk ingest: a batch Bundle of up to 1,000 of the caller's own source records as Patients (source key: one urn:gmconnect:source:SRC identifier), matched in order and stored in one transaction; answers a batch-response Bundle" },
            ],
        };
        var person = new CapabilityStatement.ResourceComponent
        {
            Type = "Person",
            Documentation = "A linked person: the exchange's person id, the identifiers of its permitted records, and a link to each permitted Patient.",
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
        };
        rest.Resource.Add(patient);
        rest.Resource.Add(person);
    }

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
