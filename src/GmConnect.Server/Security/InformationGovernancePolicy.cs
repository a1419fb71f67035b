using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Registries;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Security;

/// <summary>
/// Pages for information-governance officers: Governance decides, through its registries
/// (<see cref="GovernanceAdministration.Holds"/>), that the signed-in practitioner is active, holds the claimed role in
/// the claimed organisation, and that the role carries the information-governance capability (as the data stewards'
/// pages do; no hard-coded role names).
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
            if (GovernanceClaims.ActorOf(context.User) is not { } actor || context.Resource is not HttpContext http)
            {
                return false;
            }

            return http.RequestServices.GetRequiredService<GovernanceAdministration>().Holds(actor, RoleCapabilities.InformationGovernance);
        }));
    }
}
