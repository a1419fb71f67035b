namespace GmConnect.Repository.Content;

/// <summary>A version's bytes with its metadata and the item it belongs to. Served only after the hash matched.</summary>
/// <param name="Item">The content item.</param>
/// <param name="Version">The version's metadata.</param>
/// <param name="Bytes">The bytes, whose SHA-256 equals <see cref="ContentVersion.Sha256"/>.</param>
public sealed record StoredContent(ContentItem Item, ContentVersion Version, ReadOnlyMemory<byte> Bytes);
