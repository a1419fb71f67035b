using GmConnect.Demo;
using GmConnect.Integration.Batches;
using GmConnect.Integration.PersonRecords;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Hosting;

/// <summary>
/// On first run (no person records in the store) generates the synthetic GM population and
/// imports its files through the ordinary importer, so that a new user sees real-looking data at
/// once. The data are synthetic: no real person is in them.
/// </summary>
internal sealed class DemoSeeder(IOptions<DemoOptions> options, ImportHistory history, PersonRecordImporter importer, ILogger<DemoSeeder> logger)
{
    public async Task SeedIfFirstRunAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.SeedOnFirstRun || await history.PersonRecordCountAsync(cancellationToken) > 0)
        {
            return;
        }

        var directory = Path.GetFullPath(demo.Directory);
        Log.DemoGenerating(logger, demo.People, demo.Seed);
        var lastDecile = -1;
        var summary = PopulationGenerator.Generate(
            new PopulationOptions { People = demo.People, Seed = demo.Seed },
            directory,
            new SynchronousProgress<GenerationProgress>(p =>
            {
                var decile = (int)(10 * p.People / Math.Max(1, p.TotalPeople));
                if (decile > lastDecile)
                {
                    lastDecile = decile;
                    Log.DemoGenerationProgress(logger, decile * 10, p.People, p.Records);
                }
            }),
            cancellationToken);

        var files = summary.Files.Where(f => f.StartsWith("records-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var result = await importer.ImportAsync(Path.Combine(directory, files[i]), cancellationToken: cancellationToken);
            Log.DemoFileLoaded(logger, i + 1, files.Count, files[i], result.Accepted, result.Rejected);
        }

        Log.DemoLoaded(logger, summary.People, summary.Records);
    }

    private sealed class SynchronousProgress<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
