using System.CommandLine;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 …</c>: validate returns and compute Workbench measures.</summary>
internal static class Ssda903Command
{
    public static Command Create()
    {
        var command = new Command("ssda903", "SSDA903 (children looked after) returns: validation, measures");
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(Ssda903ValidateAllCommand.Create());
        command.Subcommands.Add(Ssda903MeasuresCommand.Create());
        command.Subcommands.Add(Ssda903StoryCommand.Create());
        command.Subcommands.Add(Ssda903ForecastCommand.Create());
        command.Subcommands.Add(Ssda903DemoCommand.Create());
        return command;
    }

    private static Command CreateValidate()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder holding one authority's return (CSV per table, or XML)" };
        var year = new Option<string>("--year") { Description = "Collection year, e.g. 2024/25 (ends 31 March 2025)", Required = true };
        var previous = new Option<DirectoryInfo?>("--previous") { Description = "Folder holding last year's return, for the rules that compare years" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write table,row,child,code,fields", Required = true };
        var cmd = new Command("validate", "Run the DfE validation rules of the collection year over a return");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(year);
        cmd.Options.Add(previous);
        cmd.Options.Add(output);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!CollectionYear.TryParse(parse.GetValue(year), out var y))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--year must be a collection year such as 2024/25.").ConfigureAwait(false);
                return 2;
            }

            var current = Ssda903Importer.ReadReturn(parse.GetValue(dir)!.FullName, year: y);
            Report(current.Messages, parse.InvocationConfiguration.Error);
            if (current.Returns.Count == 0)
            {
                return 1;
            }

            Ssda903Return? last = null;
            if (parse.GetValue(previous) is { } prevDir)
            {
                var prev = Ssda903Importer.ReadReturn(prevDir.FullName, year: y.Previous);
                Report(prev.Messages, parse.InvocationConfiguration.Error);
                last = prev.Returns.Count > 0 ? prev.Returns[0] : null;
            }

            var errors = Ssda903Validator.Validate(current.Returns[0], last);
            var file = parse.GetValue(output)!;
            await using (var writer = new StreamWriter(file.FullName))
            {
                Ssda903Validator.WriteCsv(errors, writer);
            }

            var codes = errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count();
            var implemented = Ssda903Validator.ImplementedCodes(y).Count;
            var catalogue = RuleCatalogue.For(y).Count;
            parse.InvocationConfiguration.Output.WriteLine($"{errors.Count} errors from {codes} rules ({implemented} of {catalogue} {y} rules implemented) written to {file.Name}.");
            return 0;
        });
        return cmd;
    }

    /// <summary>Import messages name files, lines and problems, never values.</summary>
    internal static void Report(IEnumerable<ImportMessage> messages, TextWriter error)
    {
        foreach (var m in messages)
        {
            error.WriteLine(m.Line is { } line ? $"{m.File}:{line}: {m.Message}" : $"{m.File}: {m.Message}");
        }
    }
}
