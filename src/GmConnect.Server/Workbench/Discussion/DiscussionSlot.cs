using GmConnect.Workbench.Discussion;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>
/// Where the <c>_Discussion</c> partial goes on a page: the subject its threads are about, the page to come back to
/// after posting, and a heading ("Comments on this chart").
/// </summary>
public sealed record DiscussionSlot(SubjectKey Subject, string ReturnUrl, string Heading)
{
    /// <summary>The view-data key under which the report page names the report whose blocks show a discussion (none on a draft).</summary>
    public const string ReportKey = "gmc.discussion.report";

    /// <summary>The threads on a whole report, coming back to this page.</summary>
    public static DiscussionSlot ForReport(string reportId, HttpRequest request) =>
        new(SubjectKey.Report(reportId), Here(request), "Comments on the whole report");

    /// <summary>The threads on one block of a report, coming back to this page.</summary>
    public static DiscussionSlot ForBlock(string reportId, string blockId, HttpRequest request, string? title) =>
        new(SubjectKey.Block(reportId, blockId), Here(request), title is null ? "Comments on this chart" : "Comments on “" + title + "”");

    private static string Here(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path + request.QueryString;
    }
}
