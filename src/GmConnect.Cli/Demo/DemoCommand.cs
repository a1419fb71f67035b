using System.CommandLine;

namespace GmConnect.Cli.Demo;

/// <summary><c>gmc demo</c>: demonstration data. Each kind of demo data is a subcommand.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Generate demonstration data.");
        command.Subcommands.Add(PopulationCommand.Create());
        return command;
    }
}
