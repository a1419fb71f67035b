namespace GmConnect.Workbench.Discussion;

/// <summary>
/// Whose access a discussion decides: a practitioner, and — for the person signed in — the organisation and role they
/// act in now. Without them (someone <c>@mentioned</c>, or to be notified) the question is whether any role the
/// practitioner holds may see the report.
/// </summary>
public sealed record DiscussionUser
{
    public DiscussionUser(string practitionerId, string? organisationId = null, string? role = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practitionerId);
        if ((organisationId is null) != (role is null))
        {
            throw new ArgumentException("Give both the organisation and the role the practitioner acts in, or neither.", nameof(role));
        }

        PractitionerId = practitionerId;
        OrganisationId = organisationId;
        Role = role;
    }

    /// <summary>The practitioner (their id in the registry, also their <c>@handle</c>).</summary>
    public string PractitionerId { get; }

    /// <summary>The organisation they act for now, or null for "any they belong to".</summary>
    public string? OrganisationId { get; }

    /// <summary>The role they act in now, or null for "any they hold".</summary>
    public string? Role { get; }
}
