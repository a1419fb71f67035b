namespace GmConnect.Cli.Tests;

/// <summary>
/// <c>gmc ssda903 validate</c> with and without the national postcode file and Ofsted's lists (small synthetic files
/// written here: made-up grid references and providers).
/// </summary>
public sealed class Ssda903ValidateCommandTests : IDisposable
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,01/06/2012,WBRI,A123456789012,0,\n";

    // Child 1 fostered by the authority (PR1) in Bolton, although the return is Manchester's: 1015 and 229 flag it;
    // the home postcode is not in the postcode file: 392c.
    private const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "1,01/01/2023,S,C2,N1,K2,PR1,,,,ZZ9 9ZZ,BL1 1AA,SC123456\n";

    private const string Postcodes = "pcd,laua,oseast1m,osnrth1m\nM1  1AA,E08000003,383800,398000\nBL1 1AA,E08000001,371500,409000\n";

    private const string Ofsted = "URN,Placement code,Placement provider code,Deregistration date,Setting address postcode\nSC123456,K2,PR1,,BL1 1AA\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gmc-validate-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Validate_WithoutLookups_SaysWhichRulesWereNotRunAndWhy()
    {
        var returns = WriteReturn();
        var errors = Path.Combine(_dir.FullName, "errors.csv");

        var (exit, output, _) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors);

        Assert.Equal(0, exit);
        Assert.Contains("291 of 312 2024/25 rules run; 312 implemented", output, StringComparison.Ordinal);
        Assert.Contains("Not run (14): 1015, 164, 169, 179, 392a, 392c, 406, 411, 420, 452, 453, 503G, 503H, 503J — needs the national postcode file", output, StringComparison.Ordinal);
        Assert.Contains("give it with --postcodes", output, StringComparison.Ordinal);
        Assert.Contains("Not run (7): 1008, 219, 221, 224, 227, 228, 229 — needs Ofsted's provider lists; give them with --ofsted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithPostcodesAndOfsted_RunsEveryRule()
    {
        var returns = WriteReturn();
        var errors = Path.Combine(_dir.FullName, "errors.csv");

        var (exit, output, error) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors,
            "--postcodes", Write("nspl.csv", Postcodes), "--ofsted", Write("ofsted.csv", Ofsted));

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("312 of 312 2024/25 rules run", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not run", output, StringComparison.Ordinal);
        var codes = (await File.ReadAllLinesAsync(errors, TestContext.Current.CancellationToken)).Skip(1).Select(l => l.Split(',')[3]).ToHashSet();
        Assert.Contains("1015", codes);
        Assert.Contains("229", codes);
        Assert.Contains("392c", codes);
        Assert.DoesNotContain("1008", codes);
    }

    [Fact]
    public async Task Validate_ABadPostcodeFile_NamesFileAndLineAndWritesNothing()
    {
        var returns = WriteReturn();
        var errors = Path.Combine(_dir.FullName, "errors.csv");
        var bad = Write("nspl.csv", Postcodes + "M2 2BB,E08000003,east,398500\n");

        var (exit, _, error) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors, "--postcodes", bad);

        Assert.Equal(2, exit);
        Assert.Contains("nspl.csv:4: oseast1m is not a whole number", error, StringComparison.Ordinal);
        Assert.False(File.Exists(errors));
        Assert.False(File.Exists(errors + ".partial"));
    }

    [Fact]
    public async Task Validate_ABadOfstedFile_NamesFileAndLine()
    {
        var returns = WriteReturn();
        var errors = Path.Combine(_dir.FullName, "errors.csv");
        var bad = Write("ofsted.csv", Ofsted + "SC000001,K2,PR1,31/13/2024,M1 1AA\n");

        var (exit, _, error) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors, "--ofsted", bad);

        Assert.Equal(2, exit);
        Assert.Contains("ofsted.csv:3: deregistration date is not a date", error, StringComparison.Ordinal);
        Assert.False(File.Exists(errors));
    }

    [Fact]
    public async Task Validate_PostcodesForAFolderThatIsNoGmAuthority_AsksForItsCode()
    {
        var returns = WriteReturn("Elsewhere");
        var errors = Path.Combine(_dir.FullName, "errors.csv");
        var postcodes = Write("nspl.csv", Postcodes);

        var (exit, _, error) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors, "--postcodes", postcodes);
        var (withCode, output, _) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors, "--postcodes", postcodes, "--authority", "E08000003");

        Assert.Equal(2, exit);
        Assert.Contains("--authority", error, StringComparison.Ordinal);
        Assert.Equal(0, withCode);
        Assert.Contains("305 of 312", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Manchester", 0)]
    [InlineData("352", 0)]
    [InlineData("Gotham", 2)]
    public async Task Validate_TheAuthorityOption_TakesAnOnsCodeOrAGmName(string authority, int expected)
    {
        var returns = WriteReturn("Elsewhere");
        var errors = Path.Combine(_dir.FullName, "errors.csv");

        var (exit, _, error) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors,
            "--postcodes", Write("nspl.csv", Postcodes), "--authority", authority);

        Assert.Equal(expected, exit);
        Assert.Equal(expected != 0, error.Contains("ONS code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_AYearFolderUnderAGmAuthority_KnowsTheAuthority()
    {
        var returns = WriteReturn(Path.Combine("Bolton", "2024-25"));
        var errors = Path.Combine(_dir.FullName, "errors.csv");

        var (exit, output, _) = await CliRunner.RunAsync("ssda903", "validate", returns, "--year", "2024/25", "--out", errors, "--postcodes", Write("nspl.csv", Postcodes));

        Assert.Equal(0, exit);
        Assert.Contains("305 of 312", output, StringComparison.Ordinal);
        // Bolton's own provision placed in Bolton: no 1015.
        Assert.DoesNotContain(",1015,", await File.ReadAllTextAsync(errors, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private string WriteReturn(string authority = "Manchester")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, authority)).FullName;
        File.WriteAllText(Path.Combine(folder, "header.csv"), Header);
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), Episodes);
        return folder;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
