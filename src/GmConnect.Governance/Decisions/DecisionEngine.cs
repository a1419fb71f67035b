using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// The policy decision point. Pure given its inputs (the policy snapshot, the person's policy and the clock):
/// no I/O, no audit, no alerts; <see cref="AccessGate"/> adds those.
/// </summary>
/// <remarks>
/// The rules, in order (ADR 0001 explains them):
/// 1. the requester must be an active practitioner holding the claimed role in the claimed organisation, and the
///    role must be allowed the claimed purpose;
/// 2. a sealed record is visible only to the custodian's adoption service;
/// 3. outside the custodian, a signed agreement in force must name both organisations, the category and the purpose;
/// 4. the national data opt-out denies secondary use;
/// 5. where the agreement's only basis is consent, the person must have consented;
/// 6. restricted records need an agreement that includes them, and never go to secondary use;
/// 7. direct care needs a current involvement of the requester's organisation;
/// 8. an objection denies, unless the purpose is safeguarding under a statutory gateway that overrides it;
/// 9. denials under 6–8 are overridden by an active break-glass session of the requester on this person;
/// 10. a protected address turns a permit into a redaction of address and contact fields.
/// </remarks>
internal sealed class DecisionEngine
{
    private readonly PolicyState _state;
    private readonly RegionalClock _clock;

    public DecisionEngine(PolicyState state, RegionalClock clock)
    {
        _state = state;
        _clock = clock;
    }

    public Decision Decide(AccessRequest request, GovernedResource resource, SubjectPolicy subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(subject);
        if (!string.Equals(resource.PersonId, subject.PersonId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The subject policy is for a different person than the resource.", nameof(subject));
        }

        var now = _clock.Now;
        return Decide(_state.Current, request, resource, subject, now, _clock.Today(now));
    }

    internal static Decision Decide(
        PolicySnapshot policy,
        AccessRequest request,
        GovernedResource resource,
        SubjectPolicy subject,
        DateTimeOffset now,
        DateOnly today)
    {
        // 1. The requester.
        if (!RequesterCheck.Passes(policy, request, out var role, out var refusal))
        {
            return Decision.Deny(refusal);
        }

        var sensitivity = resource.Sensitivity | subject.Sensitivity;
        var own = string.Equals(request.OrganisationId, resource.CustodianId, StringComparison.Ordinal);

        // 2. Sealed: the custodian's adoption service only. Nothing overrides it, not even break-glass.
        if ((sensitivity & SensitivityLabels.Sealed) != 0
            && !(own && (role.Capabilities & RoleCapabilities.AdoptionService) != 0))
        {
            return Decision.Deny(new DecisionReason(ReasonCode.Sealed));
        }

        var basis = new List<DecisionReason>(3);
        List<DecisionReason>? overridable = null;
        string? agreementId = null;
        Agreements.SharingAgreement? agreement = null;

        // 3. The agreement, when the record leaves its custodian.
        if (own)
        {
            basis.Add(new DecisionReason(ReasonCode.OwnOrganisation));
        }
        else
        {
            var match = policy.AgreementIndex.Find(request.OrganisationId, resource.CustodianId, resource.Category, request.Purpose, today);
            if (match.Agreement is null)
            {
                return Decision.Deny(new DecisionReason(match.Reason));
            }

            agreement = match.Agreement;
            agreementId = agreement.Id;
            basis.Add(new DecisionReason(ReasonCode.AgreementInForce, agreement.Id));
        }

        // 4. The national data opt-out: secondary use only, whoever holds the record.
        if (request.Purpose == Purpose.SecondaryUse && subject.HasNationalDataOptOut(now))
        {
            return Decision.Deny(new DecisionReason(ReasonCode.NationalDataOptOut));
        }

        if (agreement is not null)
        {
            // 5. Consent as the only basis needs consent.
            if (agreement.RequiresConsent
                && !subject.HasDirective(DirectiveKind.Consent, resource.Category, request.Purpose, request.OrganisationId, now))
            {
                return Decision.Deny(new DecisionReason(ReasonCode.ConsentRequired, agreement.Id));
            }

            // 6. Restricted records.
            if ((sensitivity & SensitivityLabels.Restricted) != 0)
            {
                if (request.Purpose == Purpose.SecondaryUse)
                {
                    return Decision.Deny(new DecisionReason(ReasonCode.Restricted));
                }

                if (!agreement.IncludesRestricted)
                {
                    (overridable ??= []).Add(new DecisionReason(ReasonCode.Restricted));
                }
            }

            // 7. Legitimate relationship for direct care.
            if (request.Purpose == Purpose.DirectCare && !subject.HasCurrentInvolvement(request.OrganisationId, today))
            {
                (overridable ??= []).Add(new DecisionReason(ReasonCode.NoCurrentInvolvement));
            }

            // 8. Objections, and the explicit statutory override for safeguarding.
            if (subject.HasDirective(DirectiveKind.Objection, resource.Category, request.Purpose, request.OrganisationId, now))
            {
                var gateway = request.Purpose == Purpose.Safeguarding ? agreement.ObjectionOverride : null;
                if (gateway is not null)
                {
                    basis.Add(new DecisionReason(ReasonCode.ObjectionOverriddenByStatute, gateway));
                }
                else
                {
                    (overridable ??= []).Add(new DecisionReason(ReasonCode.Objection));
                }
            }
        }

        // 9. Break-glass.
        string? sessionId = null;
        if (overridable is not null)
        {
            var session = subject.ActiveBreakGlass(request, now);
            if (session is null)
            {
                return Decision.Deny(overridable);
            }

            sessionId = session.Id;
            basis.Add(new DecisionReason(ReasonCode.BreakGlass, session.Id));
            basis.AddRange(overridable);
        }

        // 10. Protected address: address and contact fields go everywhere, even to the custodian.
        if ((sensitivity & SensitivityLabels.ProtectedAddress) != 0)
        {
            basis.Insert(0, new DecisionReason(ReasonCode.ProtectedAddressRedacted));
            return new Decision(DecisionOutcome.Redact, basis, RedactedField.ProtectedAddressFields, agreementId, sessionId);
        }

        return new Decision(DecisionOutcome.Permit, basis, [], agreementId, sessionId);
    }
}
