using GmConnect.Governance.Administration;
using GmConnect.Governance.Registries;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Security;

/// <summary>
/// Pages for data stewards (the review queue, merge and unmerge): the signed-in role must carry Governance's
/// administration capability. Governance has no separate data-steward capability yet; the exchange's
/// administrators and IG officers hold this one.
/// </summary>
internal static class DataStewardPolicy
{
    public const string Name = "data-steward";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy.RequireAssertion(context =>
        {
            if (UserClaims.From(context.User) is not { } user || context.Resource is not HttpContext http)
            {
                return false;
            }

            var roles = http.RequestServices.GetRequiredService<GovernanceAdministration>().Roles;
            return roles.Any(r => r.Code == user.Role && r.Capabilities.HasFlag(RoleCapabilities.Administration));
        }));
}
