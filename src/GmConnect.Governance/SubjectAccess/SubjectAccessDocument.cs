using System.Globalization;
using System.Text;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.SubjectAccess;

/// <summary>Renders a <see cref="SubjectAccessReport"/> as a Markdown document an IG officer can hand over.</summary>
public static class SubjectAccessDocument
{
    /// <summary>The report as Markdown.</summary>
    public static string ToMarkdown(SubjectAccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# Subject access report");
        text.AppendLine();
        text.AppendLine(c, $"- Person: `{report.PersonId}`");
        text.AppendLine(c, $"- Produced: {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(c, $"- Labels: {(report.Labels == 0 ? "none" : report.Labels.ToString())}");
        text.AppendLine();

        text.AppendLine(c, $"## What is held ({report.Records.Count})");
        text.AppendLine();
        if (report.Records.Count > 0)
        {
            text.AppendLine("| Source | Record | Held by | Category | Date | Description |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var r in report.Records)
            {
                text.AppendLine(c, $"| {Cell(r.Source)} | {Cell(r.ResourceId)} | {Cell(r.CustodianId)} | {Cell(r.Category)} | {r.Date?.ToString("yyyy-MM-dd", c)} | {Cell(r.Description)} |");
            }

            text.AppendLine();
        }

        text.AppendLine(c, $"## Objections, consents and opt-outs ({report.Directives.Count})");
        text.AppendLine();
        foreach (var d in report.Directives)
        {
            var withdrawn = d.WithdrawnAt is { } w ? string.Create(c, $", withdrawn {w:yyyy-MM-dd}") : string.Empty;
            text.AppendLine(c, $"- {d.Kind}: category {d.Category ?? "any"}, purpose {d.Purpose?.ToCode() ?? "any"}, organisation {d.RecipientOrganisationId ?? "any"}; recorded {d.RecordedAt:yyyy-MM-dd}{withdrawn}");
        }

        text.AppendLine();
        text.AppendLine(c, $"## Organisations involved ({report.Involvements.Count})");
        text.AppendLine();
        foreach (var i in report.Involvements)
        {
            text.AppendLine(c, $"- {i.OrganisationId}: from {i.From:yyyy-MM-dd}{(i.To is { } to ? string.Create(c, $" to {to:yyyy-MM-dd}") : " (current)")}");
        }

        text.AppendLine();
        text.AppendLine(c, $"## Emergency (break-glass) access ({report.BreakGlassSessions.Count})");
        text.AppendLine();
        foreach (var s in report.BreakGlassSessions)
        {
            text.AppendLine(c, $"- {s.OpenedAt:yyyy-MM-dd HH:mm} to {s.ExpiresAt:HH:mm} UTC: practitioner {s.PractitionerId} of {s.OrganisationId}, {BreakGlassService.Code(s.Justification)}: {Cell(s.Reason)}");
        }

        text.AppendLine();
        text.AppendLine(c, $"## Who looked ({report.Accesses.Count})");
        text.AppendLine();
        if (report.Accesses.Count > 0)
        {
            text.AppendLine("| When (UTC) | Who | Organisation | Role | Purpose | Event | Shown | Withheld | Break-glass | Audit entry |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var a in report.Accesses)
            {
                text.AppendLine(c, $"| {a.When:yyyy-MM-dd HH:mm:ss} | {Cell(a.PractitionerName ?? a.PractitionerId)} | {Cell(a.OrganisationName ?? a.OrganisationId)} | {Cell(a.Role)} | {Cell(a.Purpose)} | {a.Event} | {a.Shown} | {a.Withheld} | {Cell(a.BreakGlassSessionId)} | {a.AuditSequence} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(string? value) => (value ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
