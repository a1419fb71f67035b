using System.Text;
using GmConnect.Governance.Administration;
using GmConnect.Governance.Api;
using GmConnect.Governance.Decisions;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Repository.Retrieval;
using GmConnect.Server.Locator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Persons;

/// <summary>
/// One record of a person's: the pointer (read through <see cref="PointerFinder.ReadAsync"/>: decided by Governance,
/// audited; a denied pointer is "not found") and, where the exchange's Repository holds its content, the content
/// (through <see cref="ContentRetrieval"/>: decided again, integrity-checked, and the read audited with the
/// version served). Content held in a custodian's own system is named, not fetched.
/// </summary>
[Authorize]
public sealed class RecordModel(PointerFinder finder, ContentRetrieval retrieval, RecordTypeRegistry types, GovernanceAdministration governance) : PageModel
{
    public string PersonId { get; private set; } = "";

    public RecordPointer Located { get; private set; } = null!;

    public string TypeName => types.Find(Located.Type)?.Display ?? Located.Type;

    public string Custodian => governance.Organisations.FirstOrDefault(o => o.Id == Located.CustodianId)?.Name ?? Located.CustodianId;

    public bool UnderBreakGlass { get; private set; }

    /// <summary>What opening the content came to; null when the content is not in the exchange's Repository.</summary>
    public RetrievalOutcome? ContentOutcome { get; private set; }

    /// <summary>The content as text, when it is text and was served.</summary>
    public string? Text { get; private set; }

    public string? ContentType { get; private set; }

    public long? ContentSize { get; private set; }

    public int? ContentVersion { get; private set; }

    /// <summary>Where the content is when the exchange does not hold it.</summary>
    public string? ElsewhereUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string personId, string pointerId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (GovernanceClaims.RequestOf(User, AccessAction.Read, HttpContext.TraceIdentifier) is not { } request)
        {
            return Forbid();
        }

        if (await finder.ReadAsync(request, pointerId, cancellationToken) is not { } permitted)
        {
            return NotFound();
        }

        Located = permitted.Item;
        UnderBreakGlass = permitted.Decision.BreakGlassSessionId is not null;
        var attachment = Located.Content.Count > 0 ? Located.Content[0] : null;
        if (RecordContentLinks.ContentIdOf(attachment?.Url) is not { } contentId)
        {
            ElsewhereUrl = attachment?.Url;
            return Page();
        }

        var result = await retrieval.RetrieveAsync(request, contentId, cancellationToken: cancellationToken);
        ContentOutcome = result.Outcome;
        UnderBreakGlass |= result.Decision?.BreakGlassSessionId is not null;
        if (result.Content is { } content)
        {
            ContentType = content.Version.ContentType;
            ContentSize = content.Version.Size;
            ContentVersion = content.Version.Version;
            Text = ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetString(content.Bytes.Span) : null;
        }

        return Page();
    }
}
