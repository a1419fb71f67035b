namespace GmConnect.Identity.Manager;

/// <summary>
/// The identifier systems (FHIR <c>Identifier.system</c> URIs) the Identity Manager speaks. National identifiers
/// use the NHS and UK URIs where they exist; a source record's own key uses <see cref="SourceRecord"/> followed by
/// the source, e.g. <c>urn:gmconnect:source:gp:P84001</c> with the record id as value.
/// </summary>
public static class IdentifierSystems
{
    /// <summary>NHS number.</summary>
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>Unique Pupil Number (DfE).</summary>
    public const string Upn = "https://fhir.hl7.org.uk/Id/dfe-upn";

    /// <summary>National Insurance number.</summary>
    public const string Nino = "https://fhir.hl7.org.uk/Id/nino";

    /// <summary>Police National Computer ID.</summary>
    public const string PncId = "https://fhir.hl7.org.uk/Id/pnc-id";

    /// <summary>Prefix of a source system's own record keys: <c>urn:gmconnect:source:</c> + source.</summary>
    public const string SourceRecord = "urn:gmconnect:source:";

    /// <summary>The exchange's own person ids.</summary>
    public const string Person = "urn:gmconnect:person";

    /// <summary>The system URI for a source's record keys.</summary>
    public static string ForSource(string source) => SourceRecord + source;
}
