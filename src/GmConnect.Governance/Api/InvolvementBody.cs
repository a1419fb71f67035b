namespace GmConnect.Governance.Api;

/// <summary>Request body to record an organisation's involvement with a person.</summary>
public sealed record InvolvementBody(string OrganisationId, DateOnly From, DateOnly? To = null);
