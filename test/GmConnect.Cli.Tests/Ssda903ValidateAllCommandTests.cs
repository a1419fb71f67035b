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
}
