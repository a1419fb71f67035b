namespace GmConnect.Web.Tests;

/// <summary>
/// The README's screenshots, taken by the browser on the demo data. They are written to the test
/// output folder on every run; with GMC_UPDATE_SCREENSHOTS=1 they replace docs/screenshots/.
/// </summary>
public sealed class ScreenshotTests(WebFixture web)
{
    public static TheoryData<string, string> Shots() => new()
    {
        { "/", "home.png" },
        { "/imports", "imports.png" },
    };

    /// <summary>Pages behind sign-in, with what they need set up first.</summary>
    [Theory]
    [InlineData("review", "review-task.png")]
    [InlineData("persons", "find-a-person.png")]
    [InlineData("subject-access", "subject-access.png")]
    public async Task Screenshot_SignedInPage_IsAPng(string which, string file)
    {

        // Distinct people per screenshot, so that one pair never matches another.
        var (given, family) = which switch { "review" => ("Rhiannon", "Entwistle"), "persons" => ("Soren", "Duckworth"), _ => ("Tallulah", "Ashworth") };
        var review = await IdentityPeople.ReviewPairAsync(web.Identity, given, family);
        var page = await web.NewPageAsync(width: 1024);
        var (path, who, purpose) = which switch
        {
            "review" => ($"/steward/reviews/{review.Task.Id}", StewardTests.Steward, "Direct care"),
            "persons" => ($"/persons?by=demographics&familyName={family}&givenName={given}", SignIn.SocialWorker, "Safeguarding"),
            _ => ($"/ig/subject-access?person={review.Gp.PersonId}", "Demo IG Officer (Manchester)", "Direct care"),
        };
        await page.GotoAsync(path);
        await SignIn.AsAsync(page, who, purpose);
        if (which == "review")
        {
            await page.Locator("[data-chart-drawn=true] svg").WaitForAsync();
        }

        await SaveAsync(await page.ScreenshotAsync(new() { FullPage = true }), file);
    }

    [Theory]
    [MemberData(nameof(Shots))]
    public async Task Screenshot_MainPage_IsAPng(string path, string file)
    {
        var page = await web.NewPageAsync(width: 1024);
        await page.GotoAsync(path);

        var png = await page.ScreenshotAsync(new() { FullPage = true });

        await SaveAsync(png, file);
    }

    internal static async Task SaveAsync(byte[] png, string file)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        var folder = Environment.GetEnvironmentVariable("GMC_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, file), png, TestContext.Current.CancellationToken);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GmConnect.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GmConnect.slnx not found.");
    }
}
