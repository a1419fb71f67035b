using System.CommandLine;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 measures DIR --out measures.csv|json [--viewer AUTHORITY]</c>.</summary>
internal static class Ssda903MeasuresCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of returns: DIR/<authority>/<year>/files, or pooled files with LA and YEAR columns" };
        var output = new Option<FileInfo>("--out") { Description = "measures.csv or measures.json", Required = true };
        var viewer = new Option<string?>("--viewer")
        {
            Description = "The authority looking: its own figures are shown in full, everyone else's small numbers are suppressed (default: suppress all)",
        };
        var cmd = new Command("measures", "Compute Workbench measures per authority, year and GM");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(output);
        cmd.Options.Add(viewer);
        cmd.SetAction(async (parse, ct) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var imported = Ssda903Importer.ReadTree(parse.GetValue(dir)!.FullName);
            var importTime = clock.Elapsed;
            Ssda903Command.Report(imported.Messages, parse.InvocationConfiguration.Error);
            if (imported.Returns.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("No returns found.").ConfigureAwait(false);
                return 1;
            }

            clock.Restart();
            var history = Ssda903History.Build(imported.Returns);
            var buildTime = clock.Elapsed;
            clock.Restart();
            var values = Suppression.Apply(Ssda903Measures.Compute(history), parse.GetValue(viewer));
            var measureTime = clock.Elapsed;
            var file = parse.GetValue(output)!;
            await WriteAsync(values, file).ConfigureAwait(false);

            parse.InvocationConfiguration.Output.WriteLine(
                $"{values.Count} figures for {history.YearsByAuthority.Count} authorities and {history.Children.Count} children written to {file.Name} " +
                $"(import {importTime.TotalSeconds:0.00} s, derived model {buildTime.TotalSeconds:0.00} s, measures {measureTime.TotalSeconds:0.00} s).");
            return 0;
        });
        return cmd;
    }

    /// <summary>Writes measures as JSON when the file ends .json, else CSV.</summary>
    internal static async Task WriteAsync(IReadOnlyList<MeasureValue> values, FileInfo file)
    {
        if (file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = file.Create();
            MeasureWriter.WriteJson(values, stream);
        }
        else
        {
            await using var writer = new StreamWriter(file.FullName);
            MeasureWriter.WriteCsv(values, writer);
        }
    }
}
