using System.Diagnostics.CodeAnalysis;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Decisions;

/// <summary>Checks the claims of a requester against the registries (rule 1 of every decision).</summary>
internal static class RequesterCheck
{
    /// <summary>True when the requester is who, where and what they claim; otherwise the refusal says why.</summary>
    public static bool Passes(PolicySnapshot policy, AccessRequest request, [NotNullWhen(true)] out RoleDefinition? role, out DecisionReason refusal)
    {
        role = null;
        refusal = default;
        if (!policy.Practitioners.TryGetValue(request.PractitionerId, out var practitioner) || !practitioner.Active)
        {
            refusal = new DecisionReason(ReasonCode.PractitionerUnknown);
            return false;
        }

        if (!practitioner.Holds(request.OrganisationId, request.Role)
            || !policy.Roles.TryGetValue(request.Role, out var held)
            || !policy.Organisations.TryGetValue(request.OrganisationId, out var organisation)
            || !organisation.Active)
        {
            refusal = new DecisionReason(ReasonCode.RoleNotHeld);
            return false;
        }

        if (!held.Purposes.Contains(request.Purpose))
        {
            refusal = new DecisionReason(ReasonCode.PurposeNotPermittedForRole, request.Purpose.ToCode());
            return false;
        }

        role = held;
        return true;
    }
}
