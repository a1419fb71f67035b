using GmConnect.Identity.Manager;
using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>
/// A data steward works the review queue: two near-duplicate records side by side with the match-weight
/// waterfall, a decision with its reason, then the person's history with the merge undone.
/// </summary>
public sealed class StewardTests(WebFixture web)
{
    public const string Steward = "Demo Exchange Administrator";

    /// <summary>The waterfall the linkage engine would write for the pair (its explanation JSON).</summary>
    private const string Explanation = """
        {"left":"gp:P99001/G1","right":"la:352/C1","prior_weight":-13.2,"contributions":[
          {"comparison":"family_name","level":"exact","weight":8.1,"tf_adjustment":0.4},
          {"comparison":"given_name","level":"nickname","weight":3.2,"tf_adjustment":0},
          {"comparison":"date_of_birth","level":"exact","weight":9.6,"tf_adjustment":0},
          {"comparison":"postcode","level":"same sector","weight":2.1,"tf_adjustment":0},
          {"comparison":"nhs_number","level":"missing on one side","weight":0,"tf_adjustment":0},
          {"comparison":"sex","level":"disagrees","weight":-4.3,"tf_adjustment":0}],
         "match_weight":5.9,"match_probability":0.9836}
        """;

    [Fact]
    public async Task Review_LinkThenUndoFromHistory_QueueEmptiesAndTheMergeIsUndone()
    {
        var (taskId, survivor) = SeedPair("Amelia", "Amy");
        var page = await web.NewPageAsync();
        await page.GotoAsync("/steward/reviews");
        await SignIn.AsAsync(page, Steward, "Direct care");
        Assert.Equal("Review queue – GM Connect", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Review task {taskId}", Exact = true }).ClickAsync();
        Assert.Equal($"Review task {taskId} – GM Connect", await page.TitleAsync());
        var sideBySide = await page.GetByTestId("side-by-side").InnerTextAsync();
        Assert.Contains("Amelia", sideBySide, StringComparison.Ordinal);
        Assert.Contains("Amy", sideBySide, StringComparison.Ordinal);
        Assert.Equal(3, await page.GetByTestId("side-by-side").Locator("tr.gmc-differs").CountAsync()); // given name, sex, postcode
        Assert.Equal(8, await page.GetByTestId("waterfall").Locator("tbody tr").CountAsync()); // prior, six comparisons, total
        Assert.Contains("+8.50", await page.GetByTestId("waterfall").InnerTextAsync(), StringComparison.Ordinal); // 8.1 + 0.4 TF
        await page.Locator("[data-chart-drawn=true] svg").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        Assert.Equal($"Error: Review task {taskId} – GM Connect", await page.TitleAsync());
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select whether these records are the same person", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for your decision", summary, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Link: the same person").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Same date of birth and family name; Amy is a short form of Amelia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        Assert.Equal("Review queue – GM Connect", await page.TitleAsync());
        Assert.Contains("linked as the same person", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = $"Review task {taskId}", Exact = true }).CountAsync());

        await page.GotoAsync($"/steward/persons/{survivor}/history");
        Assert.Equal($"History of {survivor} – GM Connect", await page.TitleAsync());
        Assert.Equal(1, await page.GetByTestId("timeline").Locator("[data-kind=Merge]").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this merge" }).ClickAsync();
        Assert.Contains("Enter the reason for undoing the merge", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reason for undoing this merge").FillAsync("Different sex recorded; the GP confirms two children");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo this merge" }).ClickAsync();
        Assert.Contains("undone", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByTestId("timeline").Locator("[data-kind=Unmerge]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Undo this merge" }).CountAsync());

        // The steward's looks and changes are in the audit trail.
        await page.GotoAsync($"/ig/audit?person={survivor}&practitioner=demo-admin");
        var audit = await page.Locator("table").InnerTextAsync();
        Assert.Contains("RegistryChanged", audit, StringComparison.Ordinal);
        Assert.Contains("Read", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_NotTheSamePerson_KeptApart()
    {
        var (taskId, _) = SeedPair("Jordan", "Jordan");
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
        var (taskId, _) = SeedPair("Priya", "Pria");
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/steward/reviews/{taskId}");
        await SignIn.AsAsync(page, Steward, "Direct care");

        Assert.Equal(8, await page.GetByTestId("waterfall").Locator("tbody tr").CountAsync());
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

    /// <summary>Two synthetic near-duplicates, each its own person, and a review task between them.</summary>
    private (long TaskId, string CandidatePerson) SeedPair(string given, string otherGiven)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var gp = web.Identity.Add(new IdentityRecord
        {
            Source = "gp:P99001", RecordId = "G-" + suffix, GivenName = given, FamilyName = "Hartley", Sex = "F",
            DateOfBirth = new DateOnly(2014, 3, 9), Postcode = "M14 5RT",
        }, "person-" + suffix + "-a");
        var la = web.Identity.Add(new IdentityRecord
        {
            Source = "la:352", RecordId = "C-" + suffix, GivenName = otherGiven, FamilyName = "Hartley", Sex = "M",
            DateOfBirth = new DateOnly(2014, 3, 9), Postcode = "M14 5RU",
        }, "person-" + suffix + "-b");
        return (web.Identity.OpenReview(la.Record.Key, gp.Record.Key, 0.9836, Explanation), gp.PersonId);
    }
}
