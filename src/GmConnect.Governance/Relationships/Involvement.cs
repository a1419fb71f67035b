namespace GmConnect.Governance.Relationships;

/// <summary>
/// An organisation's involvement with a person (an open case, a registration, an admission). For direct care the
/// requester's organisation must have a current one: the legitimate relationship.
/// </summary>
/// <param name="PersonId">The person's key.</param>
/// <param name="OrganisationId">The involved organisation.</param>
/// <param name="From">First day of involvement.</param>
/// <param name="To">Last day, or null while it continues.</param>
public sealed record Involvement(string PersonId, string OrganisationId, DateOnly From, DateOnly? To = null)
{
    /// <summary>True when the involvement covers <paramref name="day"/>.</summary>
    public bool IsCurrent(DateOnly day) => From <= day && (To is null || To >= day);
}
