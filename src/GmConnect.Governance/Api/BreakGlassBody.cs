using GmConnect.Governance.BreakGlass;

namespace GmConnect.Governance.Api;

/// <summary>Request body to break the glass on one person.</summary>
public sealed record BreakGlassBody(string PersonId, BreakGlassJustification Justification, string Reason, int? DurationMinutes = null);
