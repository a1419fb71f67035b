using System.CommandLine;
using System.Reflection;

namespace GmConnect.Cli.Version;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of gmc.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine(version);
            return 0;
        });
        return command;
    }
}
