using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.BreakGlass;

/// <summary>
/// A time-boxed override for one practitioner, acting for one organisation, on one person. While it lasts,
/// denials that break-glass may override (no current involvement, objection, restricted) become permits with the
/// reason <c>break-glass</c>; nothing overrides a sealed record, a missing agreement or a national data opt-out.
/// </summary>
/// <param name="Id">The session's key.</param>
/// <param name="PractitionerId">Who broke the glass.</param>
/// <param name="OrganisationId">For which organisation.</param>
/// <param name="Role">In which role.</param>
/// <param name="Purpose">For which purpose (direct care or safeguarding).</param>
/// <param name="PersonId">About whom.</param>
/// <param name="Justification">The coded justification.</param>
/// <param name="Reason">The practitioner's free-text explanation (kept for the IG review, never logged).</param>
/// <param name="OpenedAt">When it started.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record BreakGlassSession(
    string Id,
    string PractitionerId,
    string OrganisationId,
    string Role,
    Purpose Purpose,
    string PersonId,
    BreakGlassJustification Justification,
    string Reason,
    DateTimeOffset OpenedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>True when the session covers this requester at <paramref name="at"/>.</summary>
    public bool Covers(AccessRequest request, DateTimeOffset at) =>
        OpenedAt <= at && at < ExpiresAt
        && string.Equals(PractitionerId, request.PractitionerId, StringComparison.Ordinal)
        && string.Equals(OrganisationId, request.OrganisationId, StringComparison.Ordinal)
        && Purpose == request.Purpose;
}
