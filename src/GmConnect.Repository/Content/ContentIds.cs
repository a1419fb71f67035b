namespace GmConnect.Repository.Content;

/// <summary>Content ids are FHIR ids, so that a content item is addressable as <c>Binary/{id}</c>.</summary>
public static class ContentIds
{
    /// <summary>True for 1–64 characters of A–Z, a–z, 0–9, '-' and '.'.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
