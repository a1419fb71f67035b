namespace GmConnect.Identity.Manager;

/// <summary>
/// The identifier systems (FHIR <c>Identifier.system</c> URIs) the Identity Manager speaks. National identifiers
/// use the NHS and UK URIs where they exist; a source record's own key uses <see cref="SourceRecord"/> followed by
/// the source, e.g. <c>urn:gmconnect:source:gp:P84001</c> with the record id as value.
/// <para>
/// Only the NHS number has a registered URI (UK Core / the UK NamingSystems index: <c>https://fhir.nhs.uk/Id/nhs-number</c>).
/// That index defines none for the Unique Pupil Number, the National Insurance number or the PNC ID (it has
/// <c>https://fhir.hl7.org.uk/Id/urn-school-number</c> for a school's URN, not a pupil), so we do not mint URIs in
/// HL7 UK's or NHS England's namespaces for them: they use the exchange's own <c>urn:gmconnect:id:</c> names until
/// a national one is published.
/// </para>
/// </summary>
public static class IdentifierSystems
{
    /// <summary>NHS number.</summary>
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>Unique Pupil Number (DfE).</summary>
    public const string Upn = "urn:gmconnect:id:upn";

    /// <summary>National Insurance number.</summary>
    public const string Nino = "urn:gmconnect:id:nino";

    /// <summary>Police National Computer ID.</summary>
    public const string PncId = "urn:gmconnect:id:pnc-id";

    /// <summary>Prefix of a source system's own record keys: <c>urn:gmconnect:source:</c> + source.</summary>
    public const string SourceRecord = "urn:gmconnect:source:";

    /// <summary>The exchange's own person ids.</summary>
    public const string Person = "urn:gmconnect:person";

    /// <summary>The system URI for a source's record keys.</summary>
    public static string ForSource(string source) => SourceRecord + source;
}
