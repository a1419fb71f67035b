namespace GmConnect.Repository.Content;

/// <summary>
/// A stored version's bytes no longer match the SHA-256 recorded when it was published: the content is never
/// served. The message names the content and version, never the bytes.
/// </summary>
public sealed class ContentIntegrityException : Exception
{
    public ContentIntegrityException(string contentId, int version)
        : base($"Content {contentId} version {version} failed its integrity check: the stored bytes do not match the SHA-256 recorded at publish.")
    {
        ContentId = contentId;
        Version = version;
    }

    public ContentIntegrityException()
        : this("?", 0)
    {
    }

    public ContentIntegrityException(string message)
        : base(message)
    {
        ContentId = "?";
    }

    public ContentIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
        ContentId = "?";
    }

    /// <summary>The content's id.</summary>
    public string ContentId { get; } = "?";

    /// <summary>The version that failed.</summary>
    public int Version { get; }
}
