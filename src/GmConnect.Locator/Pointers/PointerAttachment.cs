namespace GmConnect.Locator.Pointers;

/// <summary>Where the record's content is (FHIR <c>DocumentReference.content.attachment</c>).</summary>
/// <param name="Url">Where to retrieve it (the custodian's system or the exchange's Repository).</param>
/// <param name="ContentType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Hash">Base64 SHA-256 of the content, when the producer gives one.</param>
/// <param name="Size">Its size in bytes, when known.</param>
/// <param name="Title">A label for the attachment.</param>
public sealed record PointerAttachment(string Url, string ContentType, string? Hash = null, long? Size = null, string? Title = null);
