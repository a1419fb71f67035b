namespace GmConnect.Repository.Content;

/// <summary>One immutable version's metadata.</summary>
/// <param name="ContentId">The content's id.</param>
/// <param name="Version">1, 2, 3…</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes, computed at publish and checked on every read.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="CreatedAt">When it was published (UTC).</param>
/// <param name="CreatedBy">Who published it.</param>
public sealed record ContentVersion(string ContentId, int Version, string Sha256, long Size, string ContentType, DateTimeOffset CreatedAt, string CreatedBy);
