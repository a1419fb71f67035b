using GmConnect.Governance.Administration;
using GmConnect.Governance.Registries;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Security;

/// <summary>
/// Pages for information-governance officers: the signed-in role must carry Governance's
/// information-governance capability (read from the roles registry, not hard-coded role names).
/// </summary>
internal static class InformationGovernancePolicy
{
    public const string Name = "information-governance";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataStewardPolicy.Add(options);
        options.AddPolicy(Name, policy => policy.RequireAssertion(context =>
        {
            if (UserClaims.From(context.User) is not { } user || context.Resource is not HttpContext http)
            {
                return false;
            }

            var roles = http.RequestServices.GetRequiredService<GovernanceAdministration>().Roles;
            return roles.Any(r => r.Code == user.Role && r.Capabilities.HasFlag(RoleCapabilities.InformationGovernance));
        }));
    }
}
