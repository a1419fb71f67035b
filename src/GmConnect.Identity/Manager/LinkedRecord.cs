namespace GmConnect.Identity.Manager;

/// <summary>A source record as the index holds it, with the link that ties it to its person.</summary>
/// <param name="Record">The record as last received (never altered).</param>
/// <param name="Version">1 for the first receipt, +1 for every change the source sent.</param>
/// <param name="PersonId">The person it is linked to.</param>
/// <param name="Link">How the link was made.</param>
/// <param name="Identifiers">Its identifiers: the source key first, then the national ones it carries.</param>
public sealed record LinkedRecord(
    IdentityRecord Record,
    int Version,
    string PersonId,
    LinkProvenance Link,
    IReadOnlyList<RecordIdentifier> Identifiers);
