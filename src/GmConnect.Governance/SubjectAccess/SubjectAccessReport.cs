using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.SubjectAccess;

/// <summary>Everything held about one person across the exchange, and everyone who looked at it.</summary>
/// <param name="PersonId">The person's key.</param>
/// <param name="GeneratedAt">When the report was produced.</param>
/// <param name="Records">What each component holds.</param>
/// <param name="Labels">Sensitivity labels on the person.</param>
/// <param name="Directives">Objections, consents and opt-outs.</param>
/// <param name="Involvements">Organisations involved with the person.</param>
/// <param name="BreakGlassSessions">Break-glass sessions on the person.</param>
/// <param name="Accesses">Every look at the person's data, oldest first.</param>
public sealed record SubjectAccessReport(
    string PersonId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<HeldRecord> Records,
    SensitivityLabels Labels,
    IReadOnlyList<ConsentDirective> Directives,
    IReadOnlyList<Involvement> Involvements,
    IReadOnlyList<BreakGlassSession> BreakGlassSessions,
    IReadOnlyList<AccessLine> Accesses);
