using System.CommandLine;
using GmConnect.Cli;

// Each command lives in its own folder with a static Create(); this file only lists them.
var root = new RootCommand("gmc — the GM Connect command line");
foreach (var command in Commands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
