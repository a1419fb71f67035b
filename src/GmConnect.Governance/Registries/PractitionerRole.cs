namespace GmConnect.Governance.Registries;

/// <summary>One role a practitioner holds in one organisation.</summary>
public sealed record PractitionerRole(string OrganisationId, string Role);
