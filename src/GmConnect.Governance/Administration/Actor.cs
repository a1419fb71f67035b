namespace GmConnect.Governance.Administration;

/// <summary>Who makes a change: the signed-in practitioner, their organisation and role.</summary>
public sealed record Actor(string PractitionerId, string OrganisationId, string Role, string? RequestId = null);
