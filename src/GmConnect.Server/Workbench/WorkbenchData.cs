using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using GmConnect.Workbench.Explore;
using GmConnect.Workbench.Synthetic;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Workbench;

/// <summary>
/// The explorer's data: a dataset generated once in the background at start-up (so the exchange starts at once) and
/// awaited by the pages that need it. The version names generator, seed, scale and years, so figures cached for one
/// version can never be served for another. The version ends in a fingerprint of the returns' rows
/// (<see cref="DataFingerprint"/>), so reports can say which data they were built on.
/// </summary>
public sealed class WorkbenchData(IOptions<WorkbenchOptions> options, ILogger<WorkbenchData> logger) : BackgroundService
{
    private readonly TaskCompletionSource<ExploreDataset?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The pseudonyms for this process's key (configured, or random at start).</summary>
    public Pseudonyms Pseudonyms { get; } = new(options.Value.PseudonymKey is { } key ? Convert.FromBase64String(key) : RandomNumberGenerator.GetBytes(32));

    /// <summary>The dataset once generated; null when the demo data are switched off.</summary>
    public Task<ExploreDataset?> DatasetAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.SyntheticOnStartup)
        {
            _ready.TrySetResult(null);
            return;
        }

        // Off the start-up path: generating and computing the figures takes seconds of CPU.
        await Task.Yield();
        try
        {
            var clock = Stopwatch.StartNew();
            var returns = SyntheticReturns.Generate(new SyntheticOptions { FirstEndYear = o.FirstEndYear, LastEndYear = o.LastEndYear, Scale = o.Scale, Seed = o.Seed });
            // The settings name the data for people; the fingerprint of the rows tells two loads apart for reports.
            var version = string.Create(CultureInfo.InvariantCulture, $"synthetic-903-seed{o.Seed}-scale{o.Scale}-{o.FirstEndYear}-{o.LastEndYear}+{DataFingerprint.Of(returns)}");
            var dataset = new ExploreDataset(returns, version);
            dataset.Warm();
            Log.WorkbenchDataReady(logger, returns.Count, dataset.History.Children.Count, clock.ElapsedMilliseconds);
            _ready.TrySetResult(dataset);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.WorkbenchDataFailed(logger, e.GetType().Name);
            _ready.TrySetResult(null);
        }
    }
}
