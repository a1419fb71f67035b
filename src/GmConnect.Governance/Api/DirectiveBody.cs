using GmConnect.Governance.Objections;

namespace GmConnect.Governance.Api;

/// <summary>Request body to record an objection, consent or opt-out (null scope fields mean "any").</summary>
public sealed record DirectiveBody(DirectiveKind Kind, string? Category = null, string? Purpose = null, string? RecipientOrganisationId = null);
