using System.CommandLine;
using System.Globalization;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Derived;
using GmConnect.Workbench.Forecast;
using GmConnect.Workbench.Model;

namespace GmConnect.Cli.Ssda903;

/// <summary><c>gmc ssda903 forecast DIR --years 3 --out forecast.csv</c>: stock-and-flow demand forecast, baseline and one scenario.</summary>
internal static class Ssda903ForecastCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of returns (as for measures)" };
        var output = new Option<FileInfo>("--out") { Description = "forecast.csv", Required = true };
        var years = new Option<int>("--years") { Description = "Years ahead, 1–5", DefaultValueFactory = _ => 3 };
        var authority = new Option<string?>("--authority") { Description = "One authority (default: all loaded, i.e. GM)" };
        var reference = new Option<int>("--reference-years") { Description = "Years of history to estimate rates from", DefaultValueFactory = _ => 3 };
        var entry = new Option<double>("--entry") { Description = "Scenario: multiplier on entries", DefaultValueFactory = _ => 1 };
        var exit = new Option<double>("--exit") { Description = "Scenario: multiplier on exits from care", DefaultValueFactory = _ => 1 };
        var move = new Option<double>("--move") { Description = "Scenario: multiplier on moves between placement categories", DefaultValueFactory = _ => 1 };
        var cmd = new Command("forecast", "Project children in care by placement category with an uncertainty band and costs");
        cmd.Arguments.Add(dir);
        foreach (var o in new Option[] { output, years, authority, reference, entry, exit, move })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var imported = Ssda903Importer.ReadTree(parse.GetValue(dir)!.FullName);
            Ssda903Command.Report(imported.Messages, parse.InvocationConfiguration.Error);
            var history = Ssda903History.Build(imported.Returns);
            var only = parse.GetValue(authority);
            var children = history.Children.Where(c => only is null || string.Equals(c.Key.Authority, only, StringComparison.OrdinalIgnoreCase)).ToList();
            if (children.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("No children to model.").ConfigureAwait(false);
                return 1;
            }

            var to = history.YearsByAuthority.Values.SelectMany(y => y).Max().End;
            var from = to.AddYears(-parse.GetValue(reference)).AddDays(1);
            var model = DemandModel.Fit(children, from, to);
            var scenario = new ForecastScenario("scenario", parse.GetValue(entry), parse.GetValue(exit), parse.GetValue(move));
            var values = model.Project(parse.GetValue(years), [ForecastScenario.Baseline, scenario]);
            await using var writer = new StreamWriter(parse.GetValue(output)!.FullName);
            await writer.WriteLineAsync("scenario,years_ahead,date,category,mean,lower,upper,cost_of_year").ConfigureAwait(false);
            foreach (var v in values)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{v.Scenario},{v.YearAhead},{v.Date:yyyy-MM-dd},{v.Category},{v.Mean},{v.Lower},{v.Upper},{v.CostOfYear}")).ConfigureAwait(false);
            }

            parse.InvocationConfiguration.Output.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"Fitted on {from:yyyy-MM-dd}–{to:yyyy-MM-dd}; {model.StartTotal} in care at the start; {values.Count} rows written."));
            return 0;
        });
        return cmd;
    }
}
