using System.CommandLine;
using GmConnect.Cli;
using GmConnect.Demo.Identifiers;
using GmConnect.Demo.Tests.Generation;

namespace GmConnect.Demo.Tests.Cli;

public sealed class PopulationCommandTests
{
    [Fact]
    public async Task DemoPopulation_SmallRun_WritesFilesAndPrintsCountsOnly()
    {
        using var dir = new TempDirectory();
        var root = new RootCommand();
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["demo", "population", "--people", "800", "--seed", "4", "--out", dir.Path])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        foreach (var file in new[] { "records-gp.csv", "records-police.csv", "truth.csv", "summary.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);
        }

        var text = output.ToString();
        Assert.Contains("Generated 800 people", text, StringComparison.Ordinal);
        Assert.Contains("Records by source kind:", text, StringComparison.Ordinal);
        Assert.Contains("Errors by type", text, StringComparison.Ordinal);
        Assert.Contains("Generating: 800 of 800 people (100%)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal); // not a terminal: plain lines

        // Counts only: no identifier or name from the generated records appears in the output.
        var gp = Csv.Read(Path.Combine(dir.Path, "records-gp.csv")).Skip(1).ToList();
        Assert.All(gp.Where(r => NhsNumber.IsValid(r[2])), r => Assert.DoesNotContain(r[2], text, StringComparison.Ordinal));
        Assert.All(gp.Where(r => r[8].Trim().Length > 4), r => Assert.DoesNotContain(r[8].Trim(), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoPopulation_MissingOut_FailsWithParseError()
    {
        var root = new RootCommand();
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["demo", "population", "--people", "10"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        Assert.NotEqual(0, exit);
        Assert.Contains("--out", error.ToString(), StringComparison.Ordinal);
    }
}
