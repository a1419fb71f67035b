using Microsoft.Playwright;

namespace GmConnect.Web.Tests;

/// <summary>Every page: its title, its breadcrumbs, no accessibility violations, and no sideways scroll at 320 px.</summary>
public sealed class PageTests(WebFixture web)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/", "Home – GM Connect" },
        { "/imports", "Imports – GM Connect" },
        { "/imports/1", "records-acute.csv – GM Connect" },
        { "/imports/upload", "Sign in – GM Connect" },
        { "/sign-in", "Sign in – GM Connect" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtDesktopWidth_HasItsTitleAndNoAccessibilityViolations(string path, string title)
    {
        var page = await web.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.Equal(title, await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320Pixels_ReflowsWithoutSidewaysScrolling(string path, string title)
    {
        var page = await web.NewPageAsync(width: 320);

        await page.GotoAsync(path);

        Assert.Equal(title, await page.TitleAsync());
        Assert.False(await Accessibility.ScrollsSidewaysAsync(page), $"{path} scrolls sideways at 320 px");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Home_DemoDataLoaded_ShowsTheRecordCount()
    {
        var page = await web.NewPageAsync();

        await page.GotoAsync("/");

        var count = await page.GetByTestId("record-count").InnerTextAsync();
        Assert.True(long.Parse(count.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 400, $"record count was {count}");
    }
}
