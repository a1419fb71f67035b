using GmConnect.Locator.Pointers;

namespace GmConnect.Locator.Involvements;

/// <summary>
/// An organisation working with a person (Family Context's "which services are involved"): which team, who leads,
/// since when, until when, last contact. Registered by the organisation itself; it also feeds Governance's
/// legitimate-relationship rule for direct care.
/// </summary>
/// <param name="Id">Assigned by the exchange.</param>
/// <param name="Subject">The person's identifier as the producer gave it.</param>
/// <param name="OrganisationId">The involved organisation.</param>
/// <param name="Team">The team, e.g. "Children's services — North locality".</param>
/// <param name="LeadContact">How to reach the lead worker (a role mailbox or switchboard; not a personal number by convention).</param>
/// <param name="Start">First day of involvement.</param>
/// <param name="End">Last day, or null while it continues.</param>
/// <param name="LastContact">The day of the last contact, when known.</param>
/// <param name="RecordedBy">The practitioner who registered or last changed it.</param>
/// <param name="Updated">When it last changed (UTC).</param>
public sealed record InvolvementRecord(
    string Id,
    SubjectIdentifier Subject,
    string OrganisationId,
    string? Team,
    string? LeadContact,
    DateOnly Start,
    DateOnly? End,
    DateOnly? LastContact,
    string RecordedBy,
    DateTimeOffset Updated)
{
    /// <summary>True when the involvement covers <paramref name="day"/>.</summary>
    public bool IsCurrent(DateOnly day) => Start <= day && (End is null || End >= day);
}
