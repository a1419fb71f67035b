using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.SubjectAccess;

namespace GmConnect.Server.Pages.InformationGovernance;

/// <summary>
/// A subject access report as one self-contained HTML document (no scripts, no external styles), to print or to
/// send: the same sections as the Markdown document, as accessible tables.
/// </summary>
internal static class SubjectAccessHtml
{
    public static string Render(SubjectAccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(c, $"<title>Subject access report: {E(report.PersonId)}</title>\n")
            .Append("<style>body{font-family:arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}")
            .Append("table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border-bottom:1px solid #b1b4b6;padding:.4em;text-align:left;vertical-align:top}")
            .Append("caption{text-align:left;font-weight:bold;padding:.4em 0}</style>\n</head>\n<body>\n")
            .Append("<h1>Subject access report</h1>\n<dl>\n")
            .Append(c, $"<dt>Person</dt><dd>{E(report.PersonId)}</dd>\n")
            .Append(c, $"<dt>Produced</dt><dd>{report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</dd>\n")
            .Append(c, $"<dt>Labels</dt><dd>{(report.Labels == 0 ? "none" : E(report.Labels.ToString()))}</dd>\n</dl>\n");

        Table(html, $"What is held ({report.Records.Count})", ["Source", "Record", "Held by", "Category", "Date", "Description"],
            report.Records.Select(r => new[] { r.Source, r.ResourceId, r.CustodianId, r.Category, r.Date?.ToString("yyyy-MM-dd", c) ?? "", r.Description }));
        Table(html, $"Objections, consents and opt-outs ({report.Directives.Count})", ["Kind", "Category", "Purpose", "Organisation", "Recorded", "Withdrawn"],
            report.Directives.Select(d => new[]
            {
                d.Kind.ToString(), d.Category ?? "any", d.Purpose?.ToCode() ?? "any", d.RecipientOrganisationId ?? "any",
                d.RecordedAt.ToString("yyyy-MM-dd", c), d.WithdrawnAt?.ToString("yyyy-MM-dd", c) ?? "",
            }));
        Table(html, $"Organisations involved ({report.Involvements.Count})", ["Organisation", "From", "To"],
            report.Involvements.Select(i => new[] { i.OrganisationId, i.From.ToString("yyyy-MM-dd", c), i.To?.ToString("yyyy-MM-dd", c) ?? "current" }));
        Table(html, $"Emergency (break-glass) access ({report.BreakGlassSessions.Count})", ["Opened (UTC)", "Until (UTC)", "Practitioner", "Organisation", "Justification", "Reason"],
            report.BreakGlassSessions.Select(s => new[]
            {
                s.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c), s.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c), s.PractitionerId,
                s.OrganisationId, BreakGlassService.Code(s.Justification), s.Reason,
            }));
        Table(html, $"Who looked ({report.Accesses.Count})", ["When (UTC)", "Who", "Organisation", "Role", "Purpose", "Event", "Shown", "Withheld", "Break-glass", "Audit entry"],
            report.Accesses.Select(a => new[]
            {
                a.When.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", c), a.PractitionerName ?? a.PractitionerId ?? "", a.OrganisationName ?? a.OrganisationId ?? "",
                a.Role ?? "", a.Purpose ?? "", a.Event, a.Shown.ToString(c), a.Withheld.ToString(c), a.BreakGlassSessionId ?? "", a.AuditSequence.ToString(c),
            }));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string caption, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToArray();
        html.Append("<h2>").Append(E(caption)).Append("</h2>\n");
        if (all.Length == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in all)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
