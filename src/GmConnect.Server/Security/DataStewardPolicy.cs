using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Registries;
using Microsoft.AspNetCore.Authorization;

namespace GmConnect.Server.Security;

/// <summary>
/// Pages for data stewards (the review queue, merge and unmerge): Governance decides, through its registries
/// (<see cref="GovernanceAdministration.Holds"/>), that the signed-in practitioner is active, holds the claimed role
/// in the claimed organisation, and that the role carries the administration capability. Governance has no separate
/// data-steward capability yet; the exchange's administrators and IG officers hold this one. Not a purpose rule of
/// the <c>AccessGate</c>: that engine decides whether one organisation's records may be shown to another for a
/// purpose under an agreement, and linking records in the index shares nothing between organisations (see the
/// host's README).
/// </summary>
internal static class DataStewardPolicy
{
    public const string Name = "data-steward";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy.RequireAssertion(context =>
        {
            if (GovernanceClaims.ActorOf(context.User) is not { } actor || context.Resource is not HttpContext http)
            {
                return false;
            }

            return http.RequestServices.GetRequiredService<GovernanceAdministration>().Holds(actor, RoleCapabilities.Administration);
        }));
}
