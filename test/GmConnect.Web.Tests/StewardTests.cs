using GmConnect.Identity.Manager;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// A data steward works the review queue of the real Identity Manager: two near-duplicate synthetic records side by
/// side with the match-weight waterfall, a decision with its reason, then the person's history with a link or a
/// merge undone.
/// </summary>
public sealed class StewardTests(WebFixture web)
{
    public const string Steward = "Demo Exchange Administrator";

    [Fact]
    public async Task Review_LinkThenUndoFromHistory_QueueEmptiesAndTheLinkIsUndone()
    {
        var (task, gp, uncertain) = await IdentityPeople.ReviewPairAsync(web.Identity, "Amelia", "Okonkwo");
        var steps = System.Text.Json.Nodes.JsonNode.Parse(task.ExplanationJson)!["contributions"]!.AsArray().Count;
        var page = await web.NewPageAsync();
        await page.GotoAsync("/steward/reviews");
        await SignIn.AsAsync(page, Steward, "Direct care");
        Assert.Equal("Review queue – GM Connect", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Review task {task.Id}", Exact = true }).ClickAsync();
        Assert.Equal($"Review task {task.Id} – GM Connect", await page.TitleAsync());
        var sideBySide = page.GetByTestId("side-by-side");
        Assert.Contains("gp:P99001", await sideBySide.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("la:352:socialcare", await sideBySide.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await sideBySide.Locator("tr.gmc-differs", new() { HasText = "Postcode" }).CountAsync());
        Assert.Equal(0, await sideBySide.Locator("tr.gmc-differs", new() { HasText = "Family name" }).CountAsync());
        Assert.Equal(steps + 2, await page.GetByTestId("waterfall").Locator("tbody tr").CountAsync()); // prior, each comparison, total
        await page.Locator("[data-chart-drawn=true] svg").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        Assert.Equal($"Error: Review task {task.Id} – GM Connect", await page.TitleAsync());
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select whether these records are the same person", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for your decision", summary, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Link: the same person").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Same date of birth and names; the school confirms the move");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        Assert.Equal("Review queue – GM Connect", await page.TitleAsync());
        Assert.Contains("linked as the same person", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = $"Review task {task.Id}", Exact = true }).CountAsync());
        Assert.Equal(gp.PersonId, (await web.Identity.GetRecordAsync(uncertain.Key, TestContext.Current.CancellationToken))!.PersonId);

        await page.GotoAsync($"/steward/persons/{gp.PersonId}/history");
        Assert.Equal($"History of {gp.PersonId} – GM Connect", await page.TitleAsync());
        Assert.True(await page.GetByTestId("timeline").Locator("[data-kind=Link]").CountAsync() >= 1);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this link" }).ClickAsync();
        Assert.Contains("Enter the reason for undoing the link", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reason for undoing this link").FillAsync("The school had two pupils of that name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this link" }).ClickAsync();
        Assert.Contains("undone", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Undo this link" }).CountAsync());
        Assert.NotEqual(gp.PersonId, (await web.Identity.GetRecordAsync(uncertain.Key, TestContext.Current.CancellationToken))!.PersonId);

        // The steward's looks and changes are in the audit trail.
        await page.GotoAsync($"/ig/audit?person={gp.PersonId}&practitioner=demo-admin");
        var audit = await page.Locator("table").InnerTextAsync();
        Assert.Contains("RegistryChanged", audit, StringComparison.Ordinal);
        Assert.Contains("Read", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_MergeUndone_TimelineShowsMergeAndUnmerge()
    {
        // Two persons merged by a steward (through the API, say), while their review task was still open.
        var (_, otherGp, otherUncertain) = await IdentityPeople.ReviewPairAsync(web.Identity, "Hana", "Haworth");
        var merge = await web.Identity.MergeAsync(otherGp.PersonId, otherUncertain.PersonId, new("demo-admin", "same child after all"), TestContext.Current.CancellationToken);
        var page = await web.NewPageAsync();
        await page.GotoAsync($"/steward/persons/{otherGp.PersonId}/history");
        await SignIn.AsAsync(page, Steward, "Direct care");

        Assert.Equal(1, await page.GetByTestId("timeline").Locator("[data-kind=Merge]").CountAsync());
        await page.GetByLabel("Reason for undoing this merge").FillAsync("Different sex recorded; the GP confirms two children");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this merge" }).ClickAsync();

        Assert.Contains($"Change {merge.Sequence} undone", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("timeline").Locator("[data-kind=Unmerge]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Undo this merge" }).CountAsync());
        Assert.Equal(otherUncertain.PersonId, (await web.Identity.GetRecordAsync(otherUncertain.Key, TestContext.Current.CancellationToken))!.PersonId);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Review_NotTheSamePerson_KeptApart()
    {
        var taskId = (await IdentityPeople.ReviewPairAsync(web.Identity, "Jordan", "Bamford")).Task.Id;
        var page = await web.NewPageAsync();
        await page.GotoAsync($"/steward/reviews/{taskId}");
        await SignIn.AsAsync(page, Steward, "Direct care");

        await page.GetByLabel("Not the same person").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Twins: same date of birth and address, different sex");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();

        Assert.Contains("kept apart", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/steward/reviews/{taskId}");
        Assert.Contains("not the same person", await page.GetByTestId("decided").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).CountAsync());
    }

    [Fact]
    public async Task Review_WithoutJavaScript_TheWaterfallIsATableAndTheDecisionWorks()
    {
        var taskId = (await IdentityPeople.ReviewPairAsync(web.Identity, "Priya", "Cheetham")).Task.Id;
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/steward/reviews/{taskId}");
        await SignIn.AsAsync(page, Steward, "Direct care");

        Assert.True(await page.GetByTestId("waterfall").Locator("tbody tr").CountAsync() > 2);
        Assert.Equal(0, await page.Locator("[data-chart-drawn]").CountAsync());
        await page.GetByLabel("Not the same person").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Different NHS numbers on file at the practice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        Assert.Contains("kept apart", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_SocialWorker_AccessDenied()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/steward/reviews");
        await SignIn.AsAsync(page);

        Assert.Equal("You cannot see this page – GM Connect", await page.TitleAsync());
    }
}
