using System.Security.Claims;
using GmConnect.Governance.Api;

namespace GmConnect.Server.Security;

/// <summary>
/// Who is asking, as the exchange needs it for every decision: the practitioner, the organisation
/// and role they act in, and their purpose. The same claims come from the demo sign-in's cookie
/// and, in production, from the OpenID Connect issuer's token.
/// </summary>
public static class UserClaims
{
    // The names Governance reads (IHE IUA), so a cookie session and a bearer token carry the same claims.
    public const string Practitioner = GovernanceClaims.Practitioner;
    public const string Name = "name";
    public const string Organisation = GovernanceClaims.Organisation;
    public const string Role = GovernanceClaims.Role;
    public const string Purpose = GovernanceClaims.Purpose;

    /// <summary>The signed-in user, or null when anonymous or a claim is missing.</summary>
    public static SignedInUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        string? Get(string type) => principal.FindFirst(type)?.Value;
        return Get(Practitioner) is { } id && Get(Organisation) is { } org && Get(Role) is { } role && Get(Purpose) is { } purpose
            ? new SignedInUser(id, Get(Name) ?? id, org, role, purpose)
            : null;
    }

    /// <summary>The claims for a user.</summary>
    public static ClaimsIdentity ToIdentity(SignedInUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsIdentity(
            [
                new Claim(Practitioner, user.PractitionerId),
                new Claim(Name, user.Name),
                new Claim(Organisation, user.OrganisationId),
                new Claim(Role, user.Role),
                new Claim(Purpose, user.Purpose),
            ],
            scheme,
            Name,
            Role);
    }
}

/// <summary>A signed-in practitioner acting for one organisation, in one role, for one purpose.</summary>
public sealed record SignedInUser(string PractitionerId, string Name, string OrganisationId, string Role, string Purpose);
