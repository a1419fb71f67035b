using System.Text;
using GmConnect.Governance.Api;
using GmConnect.Governance.SubjectAccess;
using GmConnect.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.InformationGovernance;

/// <summary>
/// A subject access report for one person: everything the exchange holds about them and everyone who looked,
/// shown and downloadable (Markdown, or a self-contained HTML document to print). Each production is audited by
/// Governance's <see cref="SubjectAccessService"/>.
/// </summary>
[Authorize(Policy = InformationGovernancePolicy.Name)]
public sealed class SubjectAccessModel(SubjectAccessService service) : PageModel
{
    /// <summary>The longest person id accepted (ids are short keys; anything longer is a paste gone wrong).</summary>
    public const int MaxPersonIdLength = 100;

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    public string? Error { get; private set; }

    public SubjectAccessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A first visit has no person field at all; a submitted blank one is an error.
        if (!Request.Query.ContainsKey("person"))
        {
            return Page();
        }

        return await BuildAsync(cancellationToken) is { } report ? SetReport(report) : Page();
    }

    /// <summary>The report as a file: <c>format=markdown</c> (the plain document) or <c>format=html</c>.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (format is not ("markdown" or "html"))
        {
            return BadRequest();
        }

        if (await BuildAsync(cancellationToken) is not { } report)
        {
            return Page();
        }

        var name = "subject-access-" + SafeFileName(report.PersonId);
        return format == "markdown"
            ? File(Encoding.UTF8.GetBytes(SubjectAccessDocument.ToMarkdown(report)), "text/markdown; charset=utf-8", name + ".md")
            : File(Encoding.UTF8.GetBytes(SubjectAccessHtml.Render(report)), "text/html; charset=utf-8", name + ".html");
    }

    private PageResult SetReport(SubjectAccessReport report)
    {
        Report = report;
        return Page();
    }

    private async Task<SubjectAccessReport?> BuildAsync(CancellationToken cancellationToken)
    {
        var person = Person?.Trim();
        if (string.IsNullOrEmpty(person))
        {
            Error = "Enter the person's ID";
            return null;
        }

        if (person.Length > MaxPersonIdLength || person.Any(char.IsControl))
        {
            Error = $"The person's ID must be {MaxPersonIdLength} characters or fewer, with no line breaks";
            return null;
        }

        Person = person;
        var actor = GovernanceClaims.ActorOf(User, HttpContext.TraceIdentifier);
        // The page's policy already checked the capability; Governance checks it again, against its registries.
        return actor is null ? null : await service.BuildAsync(actor, person, cancellationToken);
    }

    private static string SafeFileName(string personId) =>
        new(personId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
