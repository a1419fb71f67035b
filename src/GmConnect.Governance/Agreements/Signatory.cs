namespace GmConnect.Governance.Agreements;

/// <summary>Who signed an agreement for one party, and when.</summary>
/// <param name="OrganisationId">The party signed for.</param>
/// <param name="Name">The signatory's name.</param>
/// <param name="Position">Their position, e.g. Caldicott Guardian, Data Protection Officer, Senior Information Risk Owner.</param>
/// <param name="SignedOn">The date signed.</param>
public sealed record Signatory(string OrganisationId, string Name, string Position, DateOnly SignedOn);
