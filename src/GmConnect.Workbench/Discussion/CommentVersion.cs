namespace GmConnect.Workbench.Discussion;

/// <summary>An earlier text of an edited comment: version 1 is what was first posted; <paramref name="ReplacedAt"/> is when an edit replaced it.</summary>
public sealed record CommentVersion(int Version, string Body, DateTimeOffset ReplacedAt);
