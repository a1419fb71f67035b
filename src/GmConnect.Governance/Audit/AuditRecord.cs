namespace GmConnect.Governance.Audit;

/// <summary>What to append to the audit trail: who, what, why and the outcome. The trail adds when and the chain.</summary>
/// <param name="EventType">What happened.</param>
/// <param name="Outcome">permit, deny, redact, success or failure.</param>
/// <param name="PractitionerId">Who (null for the system itself).</param>
/// <param name="OrganisationId">For which organisation.</param>
/// <param name="Role">In which role.</param>
/// <param name="Purpose">For which purpose (wire code).</param>
/// <param name="RequestId">The request id, to join with host logs.</param>
/// <param name="PersonIds">The persons concerned: searchable, and the basis of subject access reports.</param>
/// <param name="Resources">The resources touched.</param>
/// <param name="WithheldCount">How many candidates were withheld (for searches).</param>
/// <param name="BreakGlassSessionId">The break-glass session involved, so it shows in every audit view.</param>
/// <param name="Detail">A non-personal detail (an agreement id, a justification code, a query shape).</param>
public sealed record AuditRecord(
    AuditEventType EventType,
    string Outcome,
    string? PractitionerId,
    string? OrganisationId,
    string? Role,
    string? Purpose,
    string? RequestId,
    IReadOnlyList<string> PersonIds,
    IReadOnlyList<AuditedResource> Resources,
    int WithheldCount = 0,
    string? BreakGlassSessionId = null,
    string? Detail = null);
