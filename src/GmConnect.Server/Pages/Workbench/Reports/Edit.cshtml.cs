using GmConnect.Server.Security;
using GmConnect.Server.Workbench;
using GmConnect.Server.Workbench.Reports;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench.Reports;

/// <summary>
/// The owner's editor, one form that works without JavaScript: the title, each block (a chart's title, a text block's
/// Markdown) with move up, move down and remove, a new text block, and save — as the draft, or as a new version. Every
/// button first keeps what was typed, then does its own thing, so nothing typed is lost by moving a block.
/// </summary>
[Authorize]
public sealed class EditModel(ReportLibrary reports, WorkbenchData data) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    internal ReportDraft? Draft { get; private set; }

    internal ReportVersion? Latest { get; private set; }

    internal ExploreDataset? Dataset { get; private set; }

    internal Dictionary<string, string> Errors { get; } = [];

    /// <summary>What the last action did, for the banner.</summary>
    internal string? Done { get; private set; }

    internal string? Note { get; private set; }

    internal string? NewText { get; private set; }

    internal bool NotOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? added, int? saved, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(cancellationToken);
        if (outcome != ReportOutcome.Done)
        {
            return Refuse(outcome);
        }

        if (saved is { } n)
        {
            Done = $"Saved as version {n}.";
        }
        else if (added is not null && Draft!.Blocks.Any(b => b.Id == added))
        {
            Done = "The chart was added to the draft. Save a new version when the report is ready.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? op, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(cancellationToken);
        if (outcome != ReportOutcome.Done)
        {
            return Refuse(outcome);
        }

        var reader = ReportReaders.Of(UserClaims.From(User))!;
        var form = Request.Form;
        var title = form["Title"].ToString();
        Note = form["note"].ToString();
        NewText = form["new-text"].ToString();
        var blocks = new List<ReportBlock>();
        foreach (var b in Draft!.Blocks)
        {
            blocks.Add(b.Kind == ReportBlockKind.Chart
                ? b with { Title = form.TryGetValue("title-" + b.Id, out var t) ? t.ToString().Trim() : b.Title }
                : b with { Markdown = form.TryGetValue("text-" + b.Id, out var m) ? Normalise(m.ToString()) : b.Markdown });
        }

        var (action, target) = op?.Split(':', 2) is [var a, var id] ? (a, id) : (op ?? "draft", "");
        var at = blocks.FindIndex(b => b.Id == target);
        switch (action)
        {
            case "up" when at > 0:
                (blocks[at - 1], blocks[at]) = (blocks[at], blocks[at - 1]);
                Done = "The block was moved up.";
                break;
            case "down" when at >= 0 && at < blocks.Count - 1:
                (blocks[at + 1], blocks[at]) = (blocks[at], blocks[at + 1]);
                Done = "The block was moved down.";
                break;
            case "remove" when at >= 0:
                blocks.RemoveAt(at);
                Done = "The block was removed from the draft.";
                break;
            case "add-text":
                if (string.IsNullOrWhiteSpace(NewText))
                {
                    Errors["new-text"] = "Enter the text to add";
                }
                else
                {
                    blocks.Add(ReportBlock.Text(Normalise(NewText)));
                    NewText = null;
                    Done = "The text was added to the draft.";
                }

                break;
        }

        Validate(title, blocks);
        if (Errors.Count > 0)
        {
            Draft = Draft with { Title = title, Blocks = blocks };
            Done = null;
            return Page();
        }

        await reports.UpdateDraftAsync(Id, reader, title, blocks, cancellationToken);
        if (action == "save")
        {
            var saved = await reports.SaveAsync(Id, reader, await ReportData.VersionAsync(data, cancellationToken), Note, cancellationToken);
            switch (saved.Outcome)
            {
                case ReportOutcome.Done:
                    return Redirect($"/workbench/reports/{Id}/edit?saved={saved.Value!.Number}");
                case ReportOutcome.Unchanged:
                    Done = $"Nothing has changed since version {Latest!.Number}, so no new version was saved.";
                    break;
                case ReportOutcome.Invalid:
                    Errors["note"] = $"The note must be {ReportLibrary.MaxNoteLength} characters or fewer";
                    break;
                default:
                    Errors["title"] = "Someone saved this report while you were editing it. Your draft is kept: save again.";
                    break;
            }
        }
        else if (action == "draft")
        {
            Done = "The draft was saved. It is not a version yet: only you can see it.";
        }

        await LoadAsync(cancellationToken);
        if (Errors.Count == 0 && action != "save")
        {
            Note = null;
        }

        return Page();
    }

    private void Validate(string title, List<ReportBlock> blocks)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > ReportLibrary.MaxTitleLength)
        {
            Errors["title"] = string.IsNullOrWhiteSpace(title) ? "Enter a title for the report" : $"The title must be {ReportLibrary.MaxTitleLength} characters or fewer";
        }

        foreach (var b in blocks.Where(b => !b.IsValid()))
        {
            Errors[(b.Kind == ReportBlockKind.Chart ? "title-" : "text-") + b.Id] = b.Kind == ReportBlockKind.Chart
                ? $"Enter a chart title of {ReportBlock.MaxTitleLength} characters or fewer"
                : $"The text must be {ReportBlock.MaxMarkdownLength:N0} characters or fewer";
        }

        if (blocks.Count > ReportLibrary.MaxBlocks)
        {
            Errors["new-text"] = $"A report holds at most {ReportLibrary.MaxBlocks} blocks";
        }
    }

    // Browsers send textarea line breaks as CRLF; the stored Markdown uses LF, so an untouched block is unchanged.
    private static string Normalise(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    // A reader who is not the owner is told so (403); anybody else learns nothing (404).
    private IActionResult Refuse(ReportOutcome outcome)
    {
        if (outcome != ReportOutcome.Forbidden)
        {
            return NotFound();
        }

        NotOwner = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<ReportOutcome> LoadAsync(CancellationToken cancellationToken)
    {
        var reader = ReportReaders.Of(UserClaims.From(User))!;
        var draft = await reports.DraftAsync(Id, reader, cancellationToken);
        if (draft.Value is null)
        {
            return draft.Outcome;
        }

        Draft = draft.Value;
        Latest = await reports.VersionAsync(Id, null, reader, cancellationToken);
        Dataset = await data.DatasetAsync(cancellationToken);
        return ReportOutcome.Done;
    }
}
