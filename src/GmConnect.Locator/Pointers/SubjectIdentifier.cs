namespace GmConnect.Locator.Pointers;

/// <summary>
/// An identifier of the person a pointer or involvement is about, exactly as the producer gave it (a FHIR
/// <c>Identifier</c>: system URI and value). The Locator never rewrites it to a person id: a search resolves
/// identifiers through the Identity Manager at read time, so pointers follow merges and unmerges.
/// </summary>
/// <param name="System">The identifier system URI, e.g. <c>https://fhir.nhs.uk/Id/nhs-number</c>.</param>
/// <param name="Value">The value.</param>
public sealed record SubjectIdentifier(string System, string Value)
{
    /// <summary>The stored key, <c>system|value</c>.</summary>
    public string Key => System + "|" + Value;

    /// <summary>Parses a <c>system|value</c> token (FHIR token search syntax); null when either part is empty.</summary>
    public static SubjectIdentifier? TryParse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == token.Length - 1)
        {
            return null;
        }

        return new SubjectIdentifier(token[..bar].Trim(), token[(bar + 1)..].Trim());
    }

    /// <inheritdoc />
    public override string ToString() => System + "|(value)";
}
