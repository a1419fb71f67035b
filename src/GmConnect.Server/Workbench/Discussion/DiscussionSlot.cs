using GmConnect.Workbench.Discussion;

namespace GmConnect.Server.Workbench.Discussion;

/// <summary>
/// Where the <c>_Discussion</c> partial goes on a page: the subject its threads are about, the page to come back to
/// after posting, and a heading ("Comments on this chart").
/// </summary>
public sealed record DiscussionSlot(SubjectKey Subject, string ReturnUrl, string Heading);
