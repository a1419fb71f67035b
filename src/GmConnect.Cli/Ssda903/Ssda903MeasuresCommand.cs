using System.CommandLine;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 measures DIR --out measures.csv|json</c>.</summary>
internal static class Ssda903MeasuresCommand
{
    public static Command Create()
    {
        var cmd = new Command("measures", "Compute Workbench measures per authority, year and GM");
        return cmd;
    }
}
