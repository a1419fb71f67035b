using GmConnect.Governance.Audit;

namespace GmConnect.Governance.Api;

/// <summary>
/// Endpoint metadata: the audit event an endpoint appends. Every Governance endpoint that returns personal data
/// carries one, so an architecture test can check that none is missing.
/// </summary>
/// <param name="EventType">The audit event appended on each call.</param>
public sealed record AuditedEndpoint(AuditEventType EventType);
