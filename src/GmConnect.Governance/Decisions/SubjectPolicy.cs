using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// Everything about one person that a decision needs: their directives, the organisations involved with them,
/// labels on the person, and open break-glass sessions. Loaded once per person per request, then reused for
/// every candidate record about them.
/// </summary>
/// <param name="PersonId">The person's key.</param>
/// <param name="Sensitivity">Labels on the person (e.g. a protected address), applying to all their records.</param>
/// <param name="Directives">Objections, consents and opt-outs, including withdrawn ones.</param>
/// <param name="Involvements">Organisations' involvements, current and past.</param>
/// <param name="BreakGlassSessions">Break-glass sessions on this person, open or closed.</param>
public sealed record SubjectPolicy(
    string PersonId,
    SensitivityLabels Sensitivity,
    IReadOnlyList<ConsentDirective> Directives,
    IReadOnlyList<Involvement> Involvements,
    IReadOnlyList<BreakGlassSession> BreakGlassSessions)
{
    /// <summary>A person about whom nothing is recorded.</summary>
    public static SubjectPolicy Empty(string personId) => new(personId, SensitivityLabels.None, [], [], []);

    internal bool HasDirective(DirectiveKind kind, string category, Purpose purpose, string recipient, DateTimeOffset at)
    {
        foreach (var directive in Directives)
        {
            if (directive.Kind == kind && directive.InEffect(at) && directive.Covers(category, purpose, recipient))
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasNationalDataOptOut(DateTimeOffset at)
    {
        foreach (var directive in Directives)
        {
            if (directive.Kind == DirectiveKind.NationalDataOptOut && directive.InEffect(at))
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasCurrentInvolvement(string organisationId, DateOnly today)
    {
        foreach (var involvement in Involvements)
        {
            if (string.Equals(involvement.OrganisationId, organisationId, StringComparison.Ordinal) && involvement.IsCurrent(today))
            {
                return true;
            }
        }

        return false;
    }

    internal BreakGlassSession? ActiveBreakGlass(AccessRequest request, DateTimeOffset at)
    {
        foreach (var session in BreakGlassSessions)
        {
            if (session.Covers(request, at))
            {
                return session;
            }
        }

        return null;
    }
}
