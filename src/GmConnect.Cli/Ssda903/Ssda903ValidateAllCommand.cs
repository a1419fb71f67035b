using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Measures;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Cli.Ssda903;

/// <summary>
/// <c>gmc ssda903 validate-all DIR --out errors.csv [--measures measures.csv|json [--viewer AUTHORITY]] [--postcodes FILE]
/// [--ofsted FILE…]</c>: every return under a folder, each against its previous year; with <c>--measures</c>, every
/// measure too, from the same import. The rules that need the postcode file or Ofsted's lists run when they are given
/// (and, where they compare with the return's own authority, for GM authorities' returns); the summary names the rules
/// not run over some return and why.
/// </summary>
internal static class Ssda903ValidateAllCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of returns: DIR/<authority>/<year>/files" };
        var output = new Option<FileInfo>("--out") { Description = "errors.csv with authority,year,table,row,child,code,fields", Required = true };
        var measures = new Option<FileInfo?>("--measures") { Description = "Also compute every measure (as `measures` does) and write them here (.csv or .json)" };
        var viewer = new Option<string?>("--viewer") { Description = "With --measures: the authority looking (default: small numbers suppressed for all)" };
        var postcodes = Ssda903Lookups.PostcodesOption();
        var ofsted = Ssda903Lookups.OfstedOption();
        var cmd = new Command("validate-all", "Validate every authority's every year (each against the year before when loaded), optionally computing every measure");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(output);
        cmd.Options.Add(measures);
        cmd.Options.Add(viewer);
        cmd.Options.Add(postcodes);
        cmd.Options.Add(ofsted);
        cmd.SetAction(async (parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var imported = Ssda903Importer.ReadTree(parse.GetValue(dir)!.FullName);
            var importTime = clock.Elapsed;
            Ssda903Command.Report(imported.Messages, parse.InvocationConfiguration.Error);
            var lookups = Ssda903Lookups.Load(imported.Returns, parse.GetValue(postcodes), parse.GetValue(ofsted) ?? [], authorityCode: null, parse.InvocationConfiguration.Error);
            if (lookups is null)
            {
                return 2;
            }

            clock.Restart();

            // Validation and the derived model read the same returns and share nothing else, so they run side by side.
            var measuresFile = parse.GetValue(measures);
            var measuring = measuresFile is null
                ? Task.FromResult<(Ssda903History, IReadOnlyList<MeasureValue>)?>(null)
                : Task.Run<(Ssda903History, IReadOnlyList<MeasureValue>)?>(() =>
                {
                    var history = Ssda903History.Build(imported.Returns);
                    return (history, Suppression.Apply(Ssda903Measures.Compute(history), parse.GetValue(viewer)));
                }, ct);
            var results = Ssda903Validator.ValidateAll(imported.Returns, lookups);
            var validateTime = clock.Elapsed;
            var measured = await measuring.ConfigureAwait(false);
            var totalTime = clock.Elapsed;

            var count = 0;
            await using (var writer = new StreamWriter(parse.GetValue(output)!.FullName))
            {
                await writer.WriteLineAsync("authority,year,table,row,child,code,fields").ConfigureAwait(false);
                foreach (var (ret, errors) in results)
                {
                    var prefix = $"{Csv.Escape(ret.Authority)},{ret.Year},";
                    foreach (var e in errors)
                    {
                        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{prefix}{e.Table},{e.Row},{Csv.Escape(e.Child)},{Csv.Escape(e.Code)},{Csv.Escape(string.Join(';', e.Fields))}")).ConfigureAwait(false);
                        count++;
                    }
                }
            }

            var timings = $"import {importTime.TotalSeconds:0.00} s, validation {validateTime.TotalSeconds:0.00} s";
            if (measured is { } done && measuresFile is not null)
            {
                var (history, values) = done;
                await Ssda903MeasuresCommand.WriteAsync(values, measuresFile).ConfigureAwait(false);
                timings += $", validation with derived model and measures alongside {totalTime.TotalSeconds:0.00} s; {values.Count} figures for {history.Children.Count} children";
            }

            parse.InvocationConfiguration.Output.WriteLine($"{results.Count} returns, {count} errors ({timings}).");
            Ssda903Lookups.WriteNotRun(imported.Returns.SelectMany(r => Ssda903Validator.NotRun(r, lookups)), parse.InvocationConfiguration.Output, oneAuthority: false);
            return 0;
        });
        return cmd;
    }
}
