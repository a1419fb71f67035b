using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace GmConnect.Integration.Fhir;

/// <summary>The Firely SDK's System.Text.Json settings the importer parses with (strict, as the API) and digests with.</summary>
internal static class FhirJson
{
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir();
}
