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

    /// <summary>How long a session lasts when the practitioner does not choose (<see cref="GovernanceOptions.BreakGlassDuration"/>).</summary>
    public TimeSpan DefaultDuration => _options.BreakGlassDuration;

    /// <summary>The longest session that may be opened (<see cref="GovernanceOptions.MaxBreakGlassDuration"/>).</summary>
    public TimeSpan MaxDuration => _options.MaxBreakGlassDuration;

    /// <summary>
    /// True when this requester could open a session at all: the claims hold, the purpose is direct care or
    /// safeguarding, and the role has the break-glass capability. A page asks before it offers the button;
    /// <see cref="OpenAsync"/> checks again (and audits) when the practitioner goes ahead.
    /// </summary>
    public bool MayBreakGlass(AccessRequest requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return RequesterCheck.Passes(_policy.Current, requester, out var role, out _)
            && requester.Purpose is Purpose.DirectCare or Purpose.Safeguarding
            && (role.Capabilities & RoleCapabilities.BreakGlass) != 0;
    }

    /// <summary>
    /// The session of this requester (practitioner, organisation, purpose) on this person that is in force now, the
    /// one expiring last if several are; null when none is. Reads nothing but Governance's own sessions.
    /// </summary>
    public async Task<BreakGlassSession?> ActiveAsync(AccessRequest requester, string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var now = _time.GetUtcNow();
        var sessions = await _store.ForPersonAsync(personId, cancellationToken).ConfigureAwait(false);
        return sessions.Where(s => s.Covers(requester, now)).MaxBy(s => s.ExpiresAt);
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
