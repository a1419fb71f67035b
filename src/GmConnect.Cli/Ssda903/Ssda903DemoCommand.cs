using System.CommandLine;
using System.Globalization;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Synthetic;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 demo --years 2015-2025 --out DIR [--error-rate 0.01]</c>: synthetic returns for the ten GM authorities.</summary>
internal static class Ssda903DemoCommand
{
    public static Command Create(string name = "demo")
    {
        var years = new Option<string>("--years") { Description = "Collection years by end year, e.g. 2015-2025", DefaultValueFactory = _ => "2015-2025" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write DIR/<authority>/<yyyy-yy>/*.csv", Required = true };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of rows given a deliberately invalid value (0–1)", DefaultValueFactory = _ => 0 };
        var scale = new Option<double>("--scale") { Description = "Size multiplier (1 ≈ 8,000 looked after across GM)", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 903 };
        var national = new Option<int?>("--authorities") { Description = "Instead of the ten GM authorities, this many made-up ones sharing England's ~80,000 (for benchmarks)" };
        var cmd = new Command(name, "Write synthetic SSDA903 returns for the ten GM authorities");
        cmd.Options.Add(years);
        cmd.Options.Add(output);
        cmd.Options.Add(errorRate);
        cmd.Options.Add(scale);
        cmd.Options.Add(seed);
        cmd.Options.Add(national);
        cmd.SetAction(parse =>
        {
            var range = parse.GetValue(years)!.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length != 2 || !int.TryParse(range[0], CultureInfo.InvariantCulture, out var first) || !int.TryParse(range[1], CultureInfo.InvariantCulture, out var last))
            {
                parse.InvocationConfiguration.Error.WriteLine("--years must look like 2015-2025 (end years).");
                return 2;
            }

            var options = new SyntheticOptions
            {
                FirstEndYear = first, LastEndYear = last, ErrorRate = parse.GetValue(errorRate), Scale = parse.GetValue(scale), Seed = parse.GetValue(seed),
            };
            if (parse.GetValue(national) is { } n)
            {
                options = new SyntheticOptions
                {
                    FirstEndYear = first, LastEndYear = last, ErrorRate = options.ErrorRate, Scale = options.Scale, Seed = options.Seed,
                    Authorities = SyntheticOptions.National(n),
                };
            }
            var returns = SyntheticReturns.Generate(options);
            var root = parse.GetValue(output)!.FullName;
            foreach (var r in returns)
            {
                ReturnCsvWriter.Write(r, Path.Combine(root, r.Authority, $"{r.Year.StartYear}-{r.Year.EndYear % 100:00}"));
            }

            var episodes = returns.Sum(r => r[ReturnTable.Episodes].Count);
            parse.InvocationConfiguration.Output.WriteLine($"{returns.Count} returns ({episodes} episode rows) written to {root}.");
            return 0;
        });
        return cmd;
    }
}
