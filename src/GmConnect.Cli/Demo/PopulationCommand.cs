using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GmConnect.Demo;

namespace GmConnect.Cli.Demo;

/// <summary>
/// <c>gmc demo population --people N --seed S --out DIR</c>: a synthetic Greater Manchester
/// population and the records agencies hold about it. Thin: the work is in GmConnect.Demo.
/// </summary>
internal static class PopulationCommand
{
    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "How many people to generate.", DefaultValueFactory = _ => new PopulationOptions().People };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and options give byte-identical files.", DefaultValueFactory = _ => new PopulationOptions().Seed };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the CSV files and summary.json into.", Required = true };

        var command = new Command("population", "Generate a synthetic GM population as person-records CSV files, a truth file and a summary.");
        command.Options.Add(people);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction((parse, ct) =>
        {
            var options = new PopulationOptions { People = parse.GetValue(people), Seed = parse.GetValue(seed) };
            var directory = parse.GetValue(output)!;
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (options.People <= 0)
            {
                error.WriteLine("--people must be a positive number.");
                return Task.FromResult(1);
            }

            // Overwrite one line in place on a terminal; write a line now and then when redirected.
            var interactive = ReferenceEquals(console, Console.Out) && !Console.IsOutputRedirected;
            var progress = new ProgressLine(console, interactive);
            var clock = Stopwatch.StartNew();
            var summary = PopulationGenerator.Generate(options, directory.FullName, progress, ct);
            progress.Finish();
            console.WriteLine(SummaryText.Format(summary, directory.FullName, clock.Elapsed));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Synchronous progress (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class ProgressLine(TextWriter output, bool interactive) : IProgress<GenerationProgress>
    {
        private int _lastPercentPrinted = -1;
        private bool _wroteInPlace;

        public void Report(GenerationProgress value)
        {
            var percent = (int)(100 * value.People / Math.Max(1, value.TotalPeople));
            var text = string.Create(CultureInfo.InvariantCulture, $"Generating: {value.People:N0} of {value.TotalPeople:N0} people ({percent}%), {value.Records:N0} records");
            if (interactive)
            {
                output.Write("\r" + text);
                _wroteInPlace = true;
            }
            else if (percent / 10 > _lastPercentPrinted / 10 || (percent == 100 && _lastPercentPrinted != 100))
            {
                output.WriteLine(text);
                _lastPercentPrinted = percent;
            }
        }

        public void Finish()
        {
            if (_wroteInPlace)
            {
                output.WriteLine();
            }
        }
    }
}
