using System.CommandLine;
using GmConnect.Integration.Ssda903;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 …</c>: validate returns and compute Workbench measures.</summary>
internal static class Ssda903Command
{
    public static Command Create()
    {
        var command = new Command("ssda903", "SSDA903 (children looked after) returns: validation, measures");
        command.Subcommands.Add(Ssda903ValidateCommand.Create());
        command.Subcommands.Add(Ssda903ValidateAllCommand.Create());
        command.Subcommands.Add(Ssda903MeasuresCommand.Create());
        command.Subcommands.Add(Ssda903StoryCommand.Create());
        command.Subcommands.Add(Ssda903ForecastCommand.Create());
        command.Subcommands.Add(Ssda903DemoCommand.Create());
        return command;
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
