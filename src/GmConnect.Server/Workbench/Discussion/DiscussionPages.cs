using System.Globalization;
using GmConnect.Server.Security;
using GmConnect.Workbench.Discussion;
using GmConnect.Workbench.Reports;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>What the discussion's pages and partials share: who is asking, the report's threads once per request, links and names.</summary>
internal static class DiscussionPages
{
    private const string CacheKey = "gmc.discussion.";

    /// <summary>The signed-in user as the discussion decides access: acting in their current organisation and role.</summary>
    public static DiscussionUser? UserOf(System.Security.Claims.ClaimsPrincipal principal) =>
        UserClaims.From(principal) is { } user ? new DiscussionUser(user.PractitionerId, user.OrganisationId, user.Role) : null;

    /// <summary>Every thread on a report, read once per request however many blocks show a discussion; null when the user may not see it.</summary>
    public static async Task<DiscussionView?> ForReportAsync(HttpContext context, DiscussionService discussion, string reportId)
    {
        var key = CacheKey + reportId;
        if (context.Items.TryGetValue(key, out var cached))
        {
            return cached as DiscussionView;
        }

        var view = UserOf(context.User) is { } user ? (await discussion.ForReportAsync(reportId, user, context.RequestAborted)).Value : null;
        context.Items[key] = view;
        return view;
    }

    /// <summary>
    /// The people who may see a report (so a mention of them notifies them), by name; once per request, and the report
    /// read once for all of them (in every role the registry gives each). Empty when the user may not see the report.
    /// </summary>
    public static async Task<IReadOnlyList<DiscussionPerson>> MentionableAsync(HttpContext context, ReportLibrary reports, GovernanceDiscussionDirectory people, string reportId)
    {
        var key = CacheKey + "people." + reportId;
        if (context.Items.TryGetValue(key, out var cached) && cached is IReadOnlyList<DiscussionPerson> known)
        {
            return known;
        }

        IReadOnlyList<DiscussionPerson> found = [];
        if (UserOf(context.User) is { OrganisationId: { } organisation, Role: { } role } user)
        {
            var everyone = people.Everyone;
            var candidates = everyone.SelectMany(p => people.RolesOf(p.Id).Select(r => new ReportReader(p.Id, r.OrganisationId, r.Role)));
            if (await reports.ReadersAmongAsync(reportId, new ReportReader(user.PractitionerId, organisation, role), candidates, context.RequestAborted) is { } readers)
            {
                found = [.. everyone.Where(p => readers.Contains(p.Id))];
            }
        }

        context.Items[key] = found;
        return found;
    }

    /// <summary>The page a subject is discussed on, at the thread or comment.</summary>
    public static string Link(SubjectKey subject, string threadId, string? commentId) =>
        $"/workbench/reports/{Uri.EscapeDataString(subject.ReportId)}#{(commentId is null ? "thread-" + threadId : "comment-" + commentId)}";

    /// <summary>An instant as the pages show it (UTC, like the rest of the exchange).</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A notification in words, without the report's title (the page adds it).</summary>
    public static string Describe(DiscussionNotification n, string actor) => n.Kind switch
    {
        NotificationKind.Mention => $"{actor} mentioned you in a comment",
        NotificationKind.Reply => $"{actor} replied in a thread you took part in",
        NotificationKind.Resolved => $"{actor} resolved a thread you took part in",
        _ => $"{actor} reopened a thread you took part in",
    };
}
