using GmConnect.Server.Workbench.Discussion;
using GmConnect.Workbench.Discussion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Workbench;

/// <summary>
/// Where the <c>_Discussion</c> partial's forms post: start a thread, reply, resolve, reopen. Each goes back to the page
/// it came from, at the thread; a comment left empty goes back with the error (and the thread's forms keep their place).
/// Someone who may not see the report gets 404, as if it did not exist.
/// </summary>
[Authorize]
public sealed class DiscussionModel(DiscussionService discussion) : PageModel
{
    /// <summary>TempData keys the partial reads to show an error by the right form.</summary>
    internal const string ErrorKey = "discussion-error";
    internal const string FormKey = "discussion-form";
    internal const string TextKey = "discussion-text";

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Thread { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (DiscussionPages.UserOf(User) is not { } user || !SubjectKey.TryParse(Subject, out var subject))
        {
            return NotFound();
        }

        var result = await discussion.StartThreadAsync(subject, user, Text ?? "", HttpContext.RequestAborted);
        return result.Outcome switch
        {
            DiscussionOutcome.Ok => Back(subject, "thread-" + result.Value!.Id),
            DiscussionOutcome.Invalid => Invalid(subject, "new-" + FormId(subject), result.Error!),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostReplyAsync()
    {
        if (DiscussionPages.UserOf(User) is not { } user || Thread is null)
        {
            return NotFound();
        }

        var thread = await discussion.ThreadAsync(Thread, user, HttpContext.RequestAborted);
        if (!thread.IsOk)
        {
            return NotFound();
        }

        var result = await discussion.ReplyAsync(Thread, user, Text ?? "", HttpContext.RequestAborted);
        return result.Outcome switch
        {
            DiscussionOutcome.Ok => Back(thread.Value!.Subject, "comment-" + result.Value!.Id),
            DiscussionOutcome.Invalid => Invalid(thread.Value!.Subject, "reply-" + Thread, result.Error!),
            _ => NotFound(),
        };
    }

    /// <summary>Changes one's own comment (the earlier text is kept); 403 for someone else's.</summary>
    public async Task<IActionResult> OnPostEditAsync()
    {
        if (DiscussionPages.UserOf(User) is not { } user || Comment is null)
        {
            return NotFound();
        }

        var result = await discussion.EditAsync(Comment, user, Text ?? "", HttpContext.RequestAborted);
        if (result.Outcome is DiscussionOutcome.Ok or DiscussionOutcome.Invalid)
        {
            var thread = (await discussion.ThreadAsync(result.Value?.ThreadId ?? Thread ?? "", user, HttpContext.RequestAborted)).Value;
            if (thread is not null)
            {
                return result.IsOk ? Back(thread.Subject, "comment-" + Comment) : Invalid(thread.Subject, "edit-" + Comment, result.Error!);
            }
        }

        return result.Outcome == DiscussionOutcome.Forbidden ? Forbid() : NotFound();
    }

    public Task<IActionResult> OnPostResolveAsync() => StatusAsync(resolve: true);

    public Task<IActionResult> OnPostReopenAsync() => StatusAsync(resolve: false);

    private async Task<IActionResult> StatusAsync(bool resolve)
    {
        if (DiscussionPages.UserOf(User) is not { } user || Thread is null)
        {
            return NotFound();
        }

        var result = resolve
            ? await discussion.ResolveAsync(Thread, user, HttpContext.RequestAborted)
            : await discussion.ReopenAsync(Thread, user, HttpContext.RequestAborted);
        return result.IsOk ? Back(result.Value!.Subject, "thread-" + result.Value.Id) : NotFound();
    }

    private RedirectResult Invalid(SubjectKey subject, string form, string error)
    {
        TempData[ErrorKey] = error;
        TempData[FormKey] = form;
        TempData[TextKey] = Text;
        return Back(subject, form);
    }

    // Only back to a page of this site; otherwise to the report.
    private RedirectResult Back(SubjectKey subject, string anchor)
    {
        var page = ReturnUrl is { } url && Url.IsLocalUrl(url) && !url.Contains('#', StringComparison.Ordinal)
            ? url
            : "/workbench/reports/" + Uri.EscapeDataString(subject.ReportId);
        return Redirect(page + "#" + anchor);
    }

    /// <summary>The id of a subject's forms on a page (a block's id, or <c>report</c>).</summary>
    internal static string FormId(SubjectKey subject) => subject.BlockId ?? "report";
}
