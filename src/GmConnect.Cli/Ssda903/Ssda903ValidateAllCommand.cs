using System.CommandLine;
using System.Diagnostics;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Validation;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 validate-all DIR --out errors.csv</c>: every return under a folder, each against its previous year.</summary>
internal static class Ssda903ValidateAllCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of returns: DIR/<authority>/<year>/files" };
        var output = new Option<FileInfo>("--out") { Description = "errors.csv with authority,year,table,row,child,code,fields", Required = true };
        var cmd = new Command("validate-all", "Validate every authority's every year (each against the year before when loaded)");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(output);
        cmd.SetAction(async (parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var imported = Ssda903Importer.ReadTree(parse.GetValue(dir)!.FullName);
            var importTime = clock.Elapsed;
            Ssda903Command.Report(imported.Messages, parse.InvocationConfiguration.Error);
            clock.Restart();
            var results = Ssda903Validator.ValidateAll(imported.Returns);
            var validateTime = clock.Elapsed;
            await using var writer = new StreamWriter(parse.GetValue(output)!.FullName);
            await writer.WriteLineAsync("authority,year,table,row,child,code,fields").ConfigureAwait(false);
            var count = 0;
            foreach (var (ret, errors) in results)
            {
                using var one = new StringWriter();
                Ssda903Validator.WriteCsv(errors, one);
                foreach (var line in one.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                {
                    await writer.WriteLineAsync($"{Workbench.Model.Csv.Escape(ret.Authority)},{ret.Year},{line.TrimEnd('\r')}").ConfigureAwait(false);
                    count++;
                }
            }

            parse.InvocationConfiguration.Output.WriteLine(
                $"{results.Count} returns, {count} errors (import {importTime.TotalSeconds:0.00} s, validation {validateTime.TotalSeconds:0.00} s).");
            return 0;
        });
        return cmd;
    }
}
