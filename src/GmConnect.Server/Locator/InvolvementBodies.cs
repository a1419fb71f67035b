using GmConnect.Locator.Involvements;

namespace GmConnect.Server.Locator;

/// <summary>An identifier of a person, as in FHIR: system URI and value.</summary>
internal sealed record IdentifierBody(string System, string Value);

/// <summary>The body of <c>POST /api/locator/involvements</c>.</summary>
internal sealed record RegisterInvolvementBody(IdentifierBody Subject, DateOnly Start, string? Team = null, string? LeadContact = null, DateOnly? End = null, DateOnly? LastContact = null);

/// <summary>The body of <c>POST /api/locator/involvements/{id}/end</c>.</summary>
internal sealed record EndInvolvementBody(DateOnly End, DateOnly? LastContact = null);

/// <summary>The answer of <c>POST /api/locator/involvements/_search</c>: what the caller may see, and how many were withheld by reason category.</summary>
internal sealed record InvolvementList(IReadOnlyList<InvolvementRecord> Items, int Total, IReadOnlyDictionary<string, int> Withheld);
