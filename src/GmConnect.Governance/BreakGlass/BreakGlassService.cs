using GmConnect.Governance.Audit;
using GmConnect.Governance.Configuration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Governance.BreakGlass;

/// <summary>Opens break-glass sessions: coded justification, free text, time-boxed, alerting IG at once.</summary>
public sealed class BreakGlassService
{
    /// <summary>The shortest free-text reason accepted: enough for a sentence, not a shrug.</summary>
    public const int MinimumReasonLength = 10;

    private readonly PolicyState _policy;
    private readonly IBreakGlassStore _store;
    private readonly AuditTrail _audit;
    private readonly BreakGlassAlerter _alerter;
    private readonly TimeProvider _time;
    private readonly GovernanceOptions _options;
    private readonly ILogger<BreakGlassService> _logger;

    internal BreakGlassService(
        PolicyState policy,
        IBreakGlassStore store,
        AuditTrail audit,
        BreakGlassAlerter alerter,
        TimeProvider time,
        IOptions<GovernanceOptions> options,
        ILogger<BreakGlassService> logger)
    {
        _policy = policy;
        _store = store;
        _audit = audit;
        _alerter = alerter;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Opens a session for the requester on one person. Refused (and the refusal audited) when the requester's
    /// claims do not hold, the role may not break glass, the purpose is not direct care or safeguarding, the
    /// reason is too short, or the duration exceeds the maximum.
    /// </summary>
    public async Task<BreakGlassResult> OpenAsync(
        AccessRequest requester,
        string personId,
        BreakGlassJustification justification,
        string reason,
        TimeSpan? duration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var now = _time.GetUtcNow();
        var length = duration ?? _options.BreakGlassDuration;
        var refusal = Refusal(requester, justification, reason, length);
        BreakGlassSession? session = null;
        if (refusal is null)
        {
            session = new BreakGlassSession(
                "bg-" + Guid.CreateVersion7(now).ToString("N"),
                requester.PractitionerId,
                requester.OrganisationId,
                requester.Role,
                requester.Purpose,
                personId,
                justification,
                reason.Trim(),
                now,
                now + length);
            await _store.AddAsync(session, cancellationToken).ConfigureAwait(false);
            Log.BreakGlassOpened(_logger, session.Id, session.PractitionerId, session.OrganisationId, Code(justification), session.ExpiresAt);
            await _alerter.OpenedAsync(session, cancellationToken).ConfigureAwait(false);
        }

        await _audit.AppendAsync(
            new AuditRecord(
                AuditEventType.BreakGlassOpened,
                session is null ? "failure" : "success",
                requester.PractitionerId,
                requester.OrganisationId,
                requester.Role,
                requester.Purpose.ToCode(),
                requester.RequestId,
                [personId],
                [],
                BreakGlassSessionId: session?.Id,
                Detail: refusal ?? Code(justification)),
            cancellationToken).ConfigureAwait(false);
        return new BreakGlassResult(session, refusal);
    }

    /// <summary>The wire code of a justification, e.g. <c>imminent-risk-to-life</c>.</summary>
    public static string Code(BreakGlassJustification justification) => justification switch
    {
        BreakGlassJustification.ImminentRiskToLife => "imminent-risk-to-life",
        BreakGlassJustification.ChildAtRisk => "child-at-risk",
        BreakGlassJustification.AdultAtRisk => "adult-at-risk",
        BreakGlassJustification.ConsentGivenNotRecorded => "consent-given-not-recorded",
        BreakGlassJustification.LegalRequirement => "legal-requirement",
        _ => throw new ArgumentOutOfRangeException(nameof(justification), justification, "Unknown justification."),
    };

    private string? Refusal(AccessRequest requester, BreakGlassJustification justification, string? reason, TimeSpan length)
    {
        if (!Enum.IsDefined(justification))
        {
            return "unknown-justification";
        }

        if (!RequesterCheck.Passes(_policy.Current, requester, out var role, out var check))
        {
            return check.Code;
        }

        if (requester.Purpose is not (Purpose.DirectCare or Purpose.Safeguarding))
        {
            return "purpose-may-not-break-glass";
        }

        if ((role.Capabilities & RoleCapabilities.BreakGlass) == 0)
        {
            return "role-may-not-break-glass";
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
        {
            return "reason-too-short";
        }

        if (length <= TimeSpan.Zero || length > _options.MaxBreakGlassDuration)
        {
            return "duration-out-of-range";
        }

        return null;
    }
}
