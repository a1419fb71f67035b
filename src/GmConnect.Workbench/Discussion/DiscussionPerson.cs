namespace GmConnect.Workbench.Discussion;

/// <summary>Someone who can be named in a discussion: the practitioner's id (their handle for <c>@mentions</c>) and display name.</summary>
public sealed record DiscussionPerson(string Id, string Name);
