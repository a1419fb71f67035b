namespace GmConnect.Governance.BreakGlass;

/// <summary>An alert to an organisation's information-governance contact that the glass was broken.</summary>
/// <param name="OrganisationId">The organisation alerted (a custodian, or the requester's own).</param>
/// <param name="Contact">Its IG contact from the registry.</param>
/// <param name="SessionId">The break-glass session.</param>
/// <param name="PractitionerId">Who broke the glass.</param>
/// <param name="RequesterOrganisationId">For which organisation they act.</param>
/// <param name="PersonId">The person's key (a key, not an identifier: the IG officer looks the person up).</param>
/// <param name="Justification">The coded justification.</param>
/// <param name="At">When the alert was raised.</param>
public sealed record IgAlert(
    string OrganisationId,
    string Contact,
    string SessionId,
    string PractitionerId,
    string RequesterOrganisationId,
    string PersonId,
    BreakGlassJustification Justification,
    DateTimeOffset At);
