using System.CommandLine;

namespace GmConnect.Cli;

/// <summary>The top-level commands of <c>gmc</c>, one line each so that adding a command touches one line.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All()
    {
        yield return Version.VersionCommand.Create();
        yield return Audit.AuditCommand.Create();
        yield return Token.TokenCommand.Create();
    }
}
