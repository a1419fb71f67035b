namespace GmConnect.Cli.Tests;

public sealed class Ssda903ValidateAllCommandTests
{
    [Fact]
    public async Task ValidateAll_WithMeasures_WritesTheSameMeasuresAsTheMeasuresCommand()
    {
        var dir = Directory.CreateTempSubdirectory("gmc-wb-");
        try
        {
            var returns = Path.Combine(dir.FullName, "returns");
            var (demoExit, _, _) = await CliRunner.RunAsync("ssda903", "demo", "--years", "2024-2025", "--scale", "0.05", "--out", returns);
            Assert.Equal(0, demoExit);

            var errors = Path.Combine(dir.FullName, "errors.csv");
            var together = Path.Combine(dir.FullName, "together.csv");
            var (exit, output, _) = await CliRunner.RunAsync("ssda903", "validate-all", returns, "--out", errors, "--measures", together);
            var alone = Path.Combine(dir.FullName, "alone.csv");
            var (measuresExit, _, _) = await CliRunner.RunAsync("ssda903", "measures", returns, "--out", alone);

            Assert.Equal(0, exit);
            Assert.Equal(0, measuresExit);
            Assert.Contains("figures", output, StringComparison.Ordinal);
            Assert.StartsWith("authority,year,table,row,child,code,fields", await File.ReadAllTextAsync(errors, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var measures = await File.ReadAllLinesAsync(together, TestContext.Current.CancellationToken);
            Assert.True(measures.Length > 100);
            Assert.Equal(await File.ReadAllLinesAsync(alone, TestContext.Current.CancellationToken), measures);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ValidateAll_WithoutLookups_SaysWhichRulesWereNotRunAndWhy()
    {
        using var dir = new TempDir();
        var returns = await dir.DemoReturnsAsync();

        var (exit, output, _) = await CliRunner.RunAsync("ssda903", "validate-all", returns, "--out", dir.File("errors.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("Not run (14): 1015, 164, 169, 179, 392a, 392c, 406, 411, 420, 452, 453, 503G, 503H, 503J — needs the national postcode file", output, StringComparison.Ordinal);
        Assert.Contains("Not run (7): 1008, 219, 221, 224, 227, 228, 229 — needs Ofsted's provider lists; give them with --ofsted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAll_WithPostcodesAndOfsted_RunsEveryRuleOverEveryGmReturn()
    {
        using var dir = new TempDir();
        var returns = await dir.DemoReturnsAsync();
        // A made-up postcode file that holds none of the returns' postcodes: 392c (a postcode the file lacks) must then
        // flag rows, which it can only do when it runs.
        var postcodes = await dir.WriteAsync("nspl.csv", "pcd,laua,oseast1m,osnrth1m\nZZ1 1ZZ,E08000003,383800,398000\n");
        var ofsted = await dir.WriteAsync("ofsted.csv", "URN,Placement code,Placement provider code,Deregistration date,Setting address postcode\nSC999999,K2,PR4,,ZZ1 1ZZ\n");

        var (exit, output, error) = await CliRunner.RunAsync("ssda903", "validate-all", returns, "--out", dir.File("errors.csv"), "--postcodes", postcodes, "--ofsted", ofsted);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.DoesNotContain("Not run", output, StringComparison.Ordinal);
        var codes = (await File.ReadAllLinesAsync(dir.File("errors.csv"), TestContext.Current.CancellationToken)).Skip(1).Select(l => l.Split(',')[5]).ToHashSet();
        Assert.Contains("392c", codes);
    }

    [Fact]
    public async Task ValidateAll_ABadPostcodeFile_NamesFileAndLineAndWritesNothing()
    {
        using var dir = new TempDir();
        var returns = await dir.DemoReturnsAsync();
        var postcodes = await dir.WriteAsync("nspl.csv", "pcd,laua,oseast1m,osnrth1m\nM1  1AA,E08000003,east,398000\n");

        var (exit, _, error) = await CliRunner.RunAsync("ssda903", "validate-all", returns, "--out", dir.File("errors.csv"), "--postcodes", postcodes);

        Assert.Equal(2, exit);
        Assert.Contains("nspl.csv:2: oseast1m is not a whole number", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("errors.csv")));
    }

    /// <summary>A temporary folder with one small year of synthetic GM returns in it.</summary>
    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gmc-wb-");

        public string File(string name) => Path.Combine(_dir.FullName, name);

        public async Task<string> DemoReturnsAsync()
        {
            var returns = File("returns");
            Assert.Equal(0, (await CliRunner.RunAsync("ssda903", "demo", "--years", "2025-2025", "--scale", "0.02", "--out", returns)).ExitCode);
            return returns;
        }

        public async Task<string> WriteAsync(string name, string text)
        {
            await System.IO.File.WriteAllTextAsync(File(name), text, TestContext.Current.CancellationToken);
            return File(name);
        }

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
