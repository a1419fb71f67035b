namespace GmConnect.Integration.Fhir;

/// <summary>The two shapes of FHIR file the importer reads.</summary>
public enum FhirFileKind
{
    /// <summary>Newline-delimited JSON: one resource per line (FHIR Bulk Data), e.g. <c>Patient.ndjson</c>.</summary>
    Ndjson,

    /// <summary>One JSON <c>Bundle</c> of type <c>transaction</c>, <c>batch</c> or <c>collection</c>.</summary>
    Bundle,
}
