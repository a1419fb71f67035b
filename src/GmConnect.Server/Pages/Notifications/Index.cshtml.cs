using GmConnect.Server.Workbench.Discussion;
using GmConnect.Workbench.Discussion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GmConnect.Server.Pages.Notifications;

/// <summary>
/// The signed-in practitioner's notifications from report discussions (mentions, replies, resolves and reopens), newest
/// first: each opens the comment (and is marked read on the way), or is marked read here; or all at once.
/// </summary>
[Authorize]
public sealed class IndexModel(DiscussionService discussion, GovernanceDiscussionDirectory people) : PageModel
{
    internal IReadOnlyList<DiscussionNotification> Notifications { get; private set; } = [];

    internal GovernanceDiscussionDirectory People => people;

    public async Task<IActionResult> OnGetAsync()
    {
        if (DiscussionPages.UserOf(User) is not { } user)
        {
            return Forbid();
        }

        Notifications = await discussion.NotificationsAsync(user, cancellationToken: HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Follows one notification to its comment, marking it read.</summary>
    public async Task<IActionResult> OnGetOpenAsync(string id)
    {
        if (DiscussionPages.UserOf(User) is not { } user)
        {
            return Forbid();
        }

        var read = await discussion.MarkReadAsync(user, id, HttpContext.RequestAborted);
        return read.Value is { } n ? LocalRedirect(DiscussionPages.Link(n.Subject, n.ThreadId, n.CommentId)) : NotFound();
    }

    /// <summary>Marks one notification read (<c>/notifications/read/{id}</c>), or with no id every one.</summary>
    public async Task<IActionResult> OnPostReadAsync(string? id)
    {
        if (DiscussionPages.UserOf(User) is not { } user)
        {
            return Forbid();
        }

        if (id is null)
        {
            await discussion.MarkAllReadAsync(user, HttpContext.RequestAborted);
            return LocalRedirect("/notifications");
        }

        var read = await discussion.MarkReadAsync(user, id, HttpContext.RequestAborted);
        return read.IsOk ? LocalRedirect("/notifications") : NotFound();
    }
}
