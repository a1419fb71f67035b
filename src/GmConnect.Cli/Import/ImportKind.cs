namespace GmConnect.Cli.Import;

/// <summary>What a file given to <c>gmc import</c> holds.</summary>
internal enum ImportKind
{
    /// <summary>Not a kind gmc imports.</summary>
    Unknown,

    /// <summary>A person-records CSV (version 1).</summary>
    PersonRecords,

    /// <summary>FHIR NDJSON: one resource per line.</summary>
    FhirNdjson,

    /// <summary>A FHIR Bundle (transaction, batch or collection).</summary>
    FhirBundle,

    /// <summary>An SSDA903 table (CSV) or return (XML): read by <c>gmc ssda903</c>, not stored in the exchange.</summary>
    Ssda903,
}
