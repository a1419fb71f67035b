namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// The organisation (Governance registry key) that holds a source's records and answers for them, from the
/// source's name in the person-records format: <c>gp:P84001</c> and <c>acute:R0A</c> → <c>ods:…</c>;
/// <c>la:352:…</c> and <c>housing:la:352</c> → <c>dfe:352</c>; <c>police:gmp</c> → <c>police:06</c> (Greater
/// Manchester Police's force number); <c>victim-support</c> → <c>gmc:victim-services</c>. Anything else (the
/// demo's <c>school:LLLEEEE</c> carry no URN, <c>dwp</c> is in no agreement) → <c>gmc:source:</c> + the source,
/// which no agreement names, so its records are shared with nobody until the registry knows the organisation
/// (fail closed: we would rather withhold a record than guess its custodian).
/// </summary>
internal static class SourceCustodians
{
    public static string Of(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var parts = source.Split(':');
        return parts switch
        {
            ["gp" or "acute", { Length: > 0 } ods] => "ods:" + ods.ToUpperInvariant(),
            ["la", { Length: 3 } la, ..] when IsDigits(la) => "dfe:" + la,
            ["housing", "la", { Length: 3 } la] when IsDigits(la) => "dfe:" + la,
            ["police", "gmp"] => "police:06",
            ["victim-support"] => "gmc:victim-services",
            _ => "gmc:source:" + source,
        };
    }

    private static bool IsDigits(string value) => value.All(char.IsAsciiDigit);
}
