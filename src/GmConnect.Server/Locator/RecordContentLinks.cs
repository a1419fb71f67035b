namespace GmConnect.Server.Locator;

/// <summary>
/// How a pointer says its content is in the exchange's own Repository: an attachment URL <c>Binary/{id}</c> (a FHIR
/// relative reference) or any absolute URL ending in <c>/fhir/Binary/{id}</c>. Anything else is held in the
/// custodian's system, which the exchange cannot open for the practitioner.
/// </summary>
internal static class RecordContentLinks
{
    private const string Relative = "Binary/";
    private const string Absolute = "/fhir/Binary/";

    public static string BinaryUrl(string contentId) => Relative + contentId;

    /// <summary>The Repository content id the URL names, or null when the content is elsewhere.</summary>
    public static string? ContentIdOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        string rest;
        if (url.StartsWith(Relative, StringComparison.Ordinal))
        {
            rest = url[Relative.Length..];
        }
        else if (url.IndexOf(Absolute, StringComparison.Ordinal) is var at and >= 0 && Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            rest = url[(at + Absolute.Length)..];
        }
        else
        {
            return null;
        }

        return GmConnect.Repository.Content.ContentIds.IsValid(rest) ? rest : null;
    }
}
