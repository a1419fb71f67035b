namespace GmConnect.Governance.Registries;

/// <summary>A practitioner and the roles they hold in each organisation.</summary>
/// <param name="Id">The practitioner's key (the token's subject).</param>
/// <param name="Name">The practitioner's name (shown in subject access reports, never logged).</param>
/// <param name="Roles">The roles held, per organisation.</param>
/// <param name="Active">False once the practitioner has left.</param>
public sealed record Practitioner(string Id, string Name, IReadOnlyList<PractitionerRole> Roles, bool Active = true)
{
    /// <summary>True when the practitioner holds <paramref name="role"/> in <paramref name="organisationId"/>.</summary>
    public bool Holds(string organisationId, string role)
    {
        foreach (var held in Roles)
        {
            if (string.Equals(held.OrganisationId, organisationId, StringComparison.Ordinal)
                && string.Equals(held.Role, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
