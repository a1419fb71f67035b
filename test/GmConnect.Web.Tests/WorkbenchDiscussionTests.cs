using GmConnect.Server.Workbench;
using GmConnect.Workbench.Discussion;
using GmConnect.Workbench.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// Discussion on a report, in the browser, on the synthetic returns: an analyst comments on a chart of a report shared
/// with a colleague and mentions them; the colleague follows the notification to the comment and replies; the analyst
/// is told of the reply, resolves the thread; the colleague reopens it. Someone the report is not shared with can
/// neither read nor post, and is not told even when mentioned.
/// </summary>
public sealed class WorkbenchDiscussionTests(WebFixture web)
{
    private const string SecondaryUse = "Secondary use";

    // A writes the report and shares it with B (by name). C is known to the sign-in, but the report is not shared with her.
    private const string A = "Demo Analyst (Manchester)";
    private const string AId = "demo-analyst-352";
    private const string B = "Demo IG Officer (Manchester)";
    private const string BId = "demo-ig-352";
    private const string C = "Demo Social Worker (Salford)";
    private const string CId = "demo-sw-355";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionService Discussion => web.Services.GetRequiredService<DiscussionService>();

    /// <summary>A's report with one chart, saved and shared with B, made as the reports' own pages would.</summary>
    private async Task<(string ReportId, string BlockId)> SharedReportAsync(string title)
    {
        var library = web.Services.GetRequiredService<ReportLibrary>();
        var dataVersion = (await web.Services.GetRequiredService<WorkbenchData>().DatasetAsync(Ct))!.Version;
        var owner = new ReportReader(AId, "dfe:352", "analyst");
        var report = (await library.CreateAsync(owner, title, dataVersion, Ct)).Value!;
        var chart = ReportBlock.Chart("cla_31_march", "trend", "area=Bolton", "Looked after at 31 March, Bolton");
        Assert.Equal(ReportOutcome.Done, await library.AddBlockAsync(report.Id, owner, chart, Ct));
        Assert.True((await library.SaveAsync(report.Id, owner, dataVersion, "With a chart", Ct)).Value is not null);
        Assert.Equal(ReportOutcome.Done, await library.ShareAsync(report.Id, owner, ReportShare.WithPerson(BId), Ct));
        return (report.Id, chart.Id);
    }

    private static ILocator ChartDiscussion(IPage page, string reportId, string blockId) =>
        page.Locator($"[data-testid=discussion][data-subject='report:{reportId}/block:{blockId}']");

    // The count in the header, waited for: a form's redirect may still be on its way.
    private static Task UnreadIsAsync(IPage page, string count) =>
        Assertions.Expect(page.GetByTestId("notification-count")).ToHaveAttributeAsync("data-unread", count);

    [Fact]
    public async Task Discussion_MentionReplyResolveReopen_EachNotifiesTheOtherAndFollowsToTheComment()
    {
        var (reportId, blockId) = await SharedReportAsync("Stability briefing for the board");
        await Discussion.MarkAllReadAsync(new DiscussionUser(AId), Ct);
        await Discussion.MarkAllReadAsync(new DiscussionUser(BId), Ct);

        // A comments on the chart and mentions B.
        var a = await web.NewPageAsync();
        await a.GotoAsync($"/workbench/reports/{reportId}");
        await SignIn.AsAsync(a, A, SecondaryUse);
        var onChart = ChartDiscussion(a, reportId, blockId);
        await onChart.GetByLabel("Add a comment").FillAsync($"Why does Bolton fall in the last year? @{BId} can you check the **returns**? <script>alert(1)</script>");
        await onChart.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        var comment = onChart.GetByTestId("comment").First;
        Assert.Contains("@" + B, await comment.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", await comment.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("returns", await comment.Locator(".gmc-comment__body strong:not(.gmc-mention)").InnerTextAsync());
        Assert.Contains("1 thread, 1 open.", await onChart.GetByTestId("discussion-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(a);

        // B sees the count, follows it to the comment and replies.
        var b = await web.NewPageAsync();
        await b.GotoAsync("/workbench");
        await SignIn.AsAsync(b, B, SecondaryUse);
        await UnreadIsAsync(b, "1");
        Assert.Contains("Notifications (1)", await b.GetByTestId("notification-count").InnerTextAsync(), StringComparison.Ordinal);
        await b.GetByTestId("notification-count").ClickAsync();
        var mention = b.GetByTestId("notification").First;
        Assert.Equal("mention", await mention.GetAttributeAsync("data-kind"));
        Assert.Contains($"{A} mentioned you in a comment on “Stability briefing for the board”", await mention.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(b);
        await mention.GetByRole(AriaRole.Link).ClickAsync();
        var commentId = await ChartDiscussion(b, reportId, blockId).GetByTestId("comment").First.GetAttributeAsync("id");
        Assert.EndsWith($"/workbench/reports/{reportId}#{commentId}", b.Url, StringComparison.Ordinal);
        await UnreadIsAsync(b, "0");
        var thread = ChartDiscussion(b, reportId, blockId).GetByTestId("thread");
        await thread.GetByLabel("Reply").FillAsync("The provider changed; I will check with Bolton.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Assertions.Expect(ChartDiscussion(b, reportId, blockId).GetByTestId("comment")).ToHaveCountAsync(2);
        var bodies = await ChartDiscussion(b, reportId, blockId).GetByTestId("comment").Locator(".gmc-comment__body").AllInnerTextsAsync();
        Assert.Equal("The provider changed; I will check with Bolton.", bodies[1].Trim());

        // A is told of the reply, and resolves the thread.
        await a.ReloadAsync();
        await UnreadIsAsync(a, "1");
        await a.GotoAsync("/notifications");
        Assert.Contains($"{B} replied in a thread you took part in", await a.GetByTestId("notification").First.InnerTextAsync(), StringComparison.Ordinal);
        await a.GetByTestId("notification").First.GetByRole(AriaRole.Link).ClickAsync();
        var aThread = ChartDiscussion(a, reportId, blockId).GetByTestId("thread");
        await aThread.GetByRole(AriaRole.Button, new() { Name = "Resolve thread" }).ClickAsync();
        await Assertions.Expect(ChartDiscussion(a, reportId, blockId).GetByTestId("thread-status")).ToContainTextAsync($"Resolved by {A}");
        Assert.Contains("1 thread, 0 open.", await ChartDiscussion(a, reportId, blockId).GetByTestId("discussion-summary").InnerTextAsync(), StringComparison.Ordinal);

        // B is told it was resolved, and reopens it; A is told of that.
        await b.ReloadAsync();
        await UnreadIsAsync(b, "1");
        await ChartDiscussion(b, reportId, blockId).GetByTestId("thread").GetByRole(AriaRole.Button, new() { Name = "Reopen thread" }).ClickAsync();
        await Assertions.Expect(ChartDiscussion(b, reportId, blockId).GetByTestId("thread-status")).ToContainTextAsync($"Open – reopened by {B}");
        await a.GotoAsync("/notifications");
        Assert.Equal("reopened", await a.GetByTestId("notification").First.GetAttributeAsync("data-kind"));
        await a.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await UnreadIsAsync(a, "0");
        await Accessibility.AssertNoViolationsAsync(a);
    }

    [Fact]
    public async Task Discussion_ReaderTheReportIsNotSharedWith_CannotReadOrPostAndIsNotToldWhenMentioned()
    {
        var (reportId, blockId) = await SharedReportAsync("Confidential placement review");
        await Discussion.MarkAllReadAsync(new DiscussionUser(CId), Ct);
        var a = await web.NewPageAsync();
        await a.GotoAsync($"/workbench/reports/{reportId}");
        await SignIn.AsAsync(a, A, SecondaryUse);
        var onChart = ChartDiscussion(a, reportId, blockId);
        await onChart.GetByLabel("Add a comment").FillAsync($"@{CId} should see this?");
        await onChart.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        var threadId = (await onChart.GetByTestId("thread").GetAttributeAsync("id"))!["thread-".Length..];
        // C is known to the sign-in, so A sees the mention by name; C is not told.
        Assert.Contains("@" + C, await onChart.GetByTestId("comment").InnerTextAsync(), StringComparison.Ordinal);

        var c = await web.NewPageAsync();
        await c.GotoAsync("/workbench/reports/new");
        await SignIn.AsAsync(c, C, SecondaryUse);
        await UnreadIsAsync(c, "0");
        await c.GotoAsync("/notifications");
        Assert.DoesNotContain("Confidential placement review", await c.ContentAsync(), StringComparison.Ordinal);

        var report = await c.GotoAsync($"/workbench/reports/{reportId}");
        Assert.Equal(404, report!.Status);

        // Posting straight to the discussion's handlers, with C's own valid form token, is refused as if the report did not exist.
        await c.GotoAsync("/workbench/reports/new");
        var token = await c.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var start = await c.Context.APIRequest.PostAsync("/workbench/discussion/start", new()
        {
            Form = FormOf(c.Context.APIRequest, ("__RequestVerificationToken", token), ("subject", $"report:{reportId}/block:{blockId}"), ("text", "Let me in"), ("returnUrl", "/workbench")),
            MaxRedirects = 0,
        });
        var reply = await c.Context.APIRequest.PostAsync("/workbench/discussion/reply", new()
        {
            Form = FormOf(c.Context.APIRequest, ("__RequestVerificationToken", token), ("thread", threadId), ("text", "Let me in"), ("returnUrl", "/workbench")),
            MaxRedirects = 0,
        });
        var resolve = await c.Context.APIRequest.PostAsync("/workbench/discussion/resolve", new()
        {
            Form = FormOf(c.Context.APIRequest, ("__RequestVerificationToken", token), ("thread", threadId), ("returnUrl", "/workbench")),
            MaxRedirects = 0,
        });
        Assert.Equal((404, 404, 404), (start.Status, reply.Status, resolve.Status));

        var seen = (await Discussion.ForReportAsync(reportId, new DiscussionUser(AId), Ct)).Value!;
        var only = Assert.Single(seen.Threads);
        Assert.Equal((1, false), (only.Comments.Count, only.IsResolved));
        Assert.Empty(await Discussion.NotificationsAsync(new DiscussionUser(CId), cancellationToken: Ct));
    }

    [Fact]
    public async Task Discussion_OnTheWholeReport_ListsWhoCanBeMentionedAndKeepsAnEditedCommentsEarlierText()
    {
        var (reportId, _) = await SharedReportAsync("Edits and mentions");
        var a = await web.NewPageAsync();
        await a.GotoAsync($"/workbench/reports/{reportId}");
        await SignIn.AsAsync(a, A, SecondaryUse);
        var onReport = a.Locator($"[data-testid=discussion][data-subject='report:{reportId}']");

        await onReport.GetByTestId("mentionable").Locator("summary").ClickAsync();
        var mentionable = await onReport.GetByTestId("mentionable").Locator("li").AllInnerTextsAsync();
        Assert.Equal([$"{A}: @{AId}", $"{B}: @{BId}"], mentionable);

        await onReport.GetByLabel("Add a comment").FillAsync("");
        await onReport.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(a.Locator(".govuk-error-message")).ToContainTextAsync("Enter a comment");
        await Accessibility.AssertNoViolationsAsync(a);
        await onReport.GetByLabel("Add a comment").FillAsync("Overall the figures look sound.");
        await onReport.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(onReport.GetByTestId("comment")).ToHaveCountAsync(1);
        await onReport.GetByTestId("comment").Locator("summary", new() { HasText = "Change" }).ClickAsync();
        await onReport.GetByLabel("Your comment").FillAsync("Overall the figures look sound, except Bolton.");
        await onReport.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();

        await Assertions.Expect(onReport.GetByTestId("comment").Locator(".gmc-comment__body")).ToHaveTextAsync("Overall the figures look sound, except Bolton.");
        Assert.Contains("(edited", await onReport.GetByTestId("comment").Locator(".gmc-comment__meta").InnerTextAsync(), StringComparison.Ordinal);
        await onReport.GetByTestId("comment-history").Locator("summary").ClickAsync();
        Assert.Contains("Overall the figures look sound.", await onReport.GetByTestId("comment-history").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(a);

        // The same forms work with JavaScript off: B replies and resolves.
        var b = await web.NewPageAsync(javaScript: false);
        await b.GotoAsync($"/workbench/reports/{reportId}");
        await SignIn.AsAsync(b, B, SecondaryUse);
        var thread = b.Locator($"[data-testid=discussion][data-subject='report:{reportId}']").GetByTestId("thread");
        await thread.GetByLabel("Reply").FillAsync("Agreed.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Assertions.Expect(thread.GetByTestId("comment")).ToHaveCountAsync(2);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Resolve thread" }).ClickAsync();
        await Assertions.Expect(thread.GetByTestId("thread-status")).ToContainTextAsync($"Resolved by {B}");
    }

    [Fact]
    public async Task Mentions_ReportSharedWithARoleInAnOrganisation_NotifyThoseHoldingItAndNobodyElse()
    {
        // As the hosted exchange decides it: the reports' sharing and Governance's registry of who holds which role.
        var library = web.Services.GetRequiredService<ReportLibrary>();
        var dataVersion = (await web.Services.GetRequiredService<WorkbenchData>().DatasetAsync(Ct))!.Version;
        var owner = new ReportReader(AId, "dfe:352", "analyst");
        var report = (await library.CreateAsync(owner, "Shared with Manchester's IG officers", dataVersion, Ct)).Value!;
        Assert.Equal(ReportOutcome.Done, await library.ShareAsync(report.Id, owner, ReportShare.WithRole("dfe:352", "ig-officer"), Ct));
        foreach (var id in new[] { BId, CId, "demo-ig-r0a" })
        {
            await Discussion.MarkAllReadAsync(new DiscussionUser(id), Ct);
        }

        var posted = await Discussion.StartThreadAsync(SubjectKey.Report(report.Id), new DiscussionUser(AId, "dfe:352", "analyst"),
            $"@{BId} @demo-ig-r0a @{CId} please look", Ct);

        Assert.True(posted.IsOk);
        Assert.Equal(1, await Discussion.UnreadCountAsync(new DiscussionUser(BId), Ct));
        // An IG officer of another organisation (MFT) and a social worker elsewhere: not reached by the share, not told.
        Assert.Equal(0, await Discussion.UnreadCountAsync(new DiscussionUser("demo-ig-r0a"), Ct));
        Assert.Equal(0, await Discussion.UnreadCountAsync(new DiscussionUser(CId), Ct));
        Assert.Equal(DiscussionOutcome.NotFound, (await Discussion.ThreadAsync(posted.Value!.Id, new DiscussionUser("demo-ig-r0a", "ods:R0A", "ig-officer"), Ct)).Outcome);
        Assert.True((await Discussion.ThreadAsync(posted.Value.Id, new DiscussionUser(BId, "dfe:352", "ig-officer"), Ct)).IsOk);
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
