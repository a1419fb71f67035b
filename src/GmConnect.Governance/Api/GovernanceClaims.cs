using System.Security.Claims;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Api;

/// <summary>
/// The token claims Governance reads, named as IHE IUA names them: the practitioner (<c>sub</c>), their
/// organisation, role and purpose of use. The host authenticates the token; Governance checks the claims
/// against its registries on every call.
/// </summary>
public static class GovernanceClaims
{
    /// <summary>The practitioner's registry key.</summary>
    public const string Practitioner = "sub";

    /// <summary>The organisation the practitioner acts for, e.g. <c>dfe:352</c>.</summary>
    public const string Organisation = "subject_organization_id";

    /// <summary>The role code.</summary>
    public const string Role = "subject_role";

    /// <summary>The purpose-of-use code, e.g. <c>direct-care</c>.</summary>
    public const string Purpose = "purpose_of_use";

    /// <summary>The actor named by the claims, or null when any of practitioner, organisation or role is missing.</summary>
    public static Actor? ActorOf(ClaimsPrincipal user, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var practitioner = user.FindFirst(Practitioner)?.Value;
        var organisation = user.FindFirst(Organisation)?.Value;
        var role = user.FindFirst(Role)?.Value;
        return practitioner is null || organisation is null || role is null ? null : new Actor(practitioner, organisation, role, requestId);
    }

    /// <summary>The access request named by the claims, or null when a claim is missing or the purpose unknown.</summary>
    public static AccessRequest? RequestOf(ClaimsPrincipal user, AccessAction action, string? requestId = null)
    {
        var actor = ActorOf(user, requestId);
        return actor is null || !PurposeCodes.TryParse(user.FindFirst(Purpose)?.Value, out var purpose)
            ? null
            : new AccessRequest(actor.PractitionerId, actor.OrganisationId, actor.Role, purpose.Value, action, requestId);
    }
}
