using System.CommandLine;

namespace GmConnect.Cli;

/// <summary>The top-level commands of <c>gmc</c>, one line each so that adding a command touches one line.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All()
    {
        yield return Version.VersionCommand.Create();
        yield return Import.ImportCommand.Create();
        yield return Demo.DemoCommand.Create();
        yield return Audit.AuditCommand.Create();
        yield return Ssda903.Ssda903Command.Create();
        yield return Link.LinkCommand.Create();
        yield return Token.TokenCommand.Create();
        yield return Identity.IdentityCommand.Create();
    }

    /// <summary>The root command with every command under it.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("gmc — the GM Connect command line");
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
