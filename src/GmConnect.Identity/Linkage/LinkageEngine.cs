using GmConnect.Identity.Linkage.Blocking;
using GmConnect.Identity.Linkage.Clustering;
using GmConnect.Identity.Linkage.Comparisons;
using GmConnect.Identity.Linkage.Records;
using GmConnect.Identity.Linkage.Scoring;
using GmConnect.Identity.Linkage.Settings;
using GmConnect.Identity.Linkage.Training;

namespace GmConnect.Identity.Linkage;

/// <summary>
/// The record-linkage engine: prepare → block → train (u by sampling, m by EM) → score → cluster.
/// One instance per settings; <see cref="Run"/> is safe to call repeatedly.
/// </summary>
public sealed class LinkageEngine
{
    private readonly LinkageSettings _settings;

    /// <summary>Creates an engine for a model definition.</summary>
    public LinkageEngine(LinkageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>Links the records.</summary>
    public LinkageResult Run(RecordTable records, LinkageOptions? options = null, IProgress<LinkageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new LinkageOptions();
        var clock = options.TimeProvider;
        var steps = new List<StepTiming>();
        var started = clock.GetTimestamp();
        var cpuStarted = CpuTime();
        void Done(string step)
        {
            progress?.Report(new LinkageProgress(step, 1.0));
            var now = clock.GetTimestamp();
            var cpu = CpuTime();
            steps.Add(new StepTiming(step, clock.GetElapsedTime(started, now)) { Cpu = cpu - cpuStarted });
            started = now;
            cpuStarted = cpu;
        }

        IProgress<double>? Step(string name) => progress is null ? null : new Progress(progress, name);

        progress?.Report(new LinkageProgress("prepare", 0.0));
        var prepared = PreparedRecords.Prepare(_settings, records);
        Done("prepare");

        var blocker = new Blocker(_settings);
        var hashes = blocker.KeyHashes(prepared);
        var pairs = blocker.Pairs(prepared, hashes, Step("blocking"));
        Done("blocking");

        var gammas = ComparisonVectors.ComputeAll(prepared, pairs, Step("comparing"));
        Done("comparing");

        var model = options.Model;
        if (model is null)
        {
            progress?.Report(new LinkageProgress("training", 0.0));
        }

        if (model is null && options.Labels is { Count: > 0 } labels)
        {
            model = Trainer.TrainFromLabels(_settings, prepared, labels, (long)Trainer.TotalPairs(_settings.LinkType, prepared), labels.Count(l => l.Match));
            Done("training (labels)");
        }
        else if (model is null)
        {
            model = Trainer.Train(_settings, prepared, blocker, pairs, gammas);
            Done("training");
        }

        progress?.Report(new LinkageProgress("scoring", 0.0));
        var scorer = new PairScorer(prepared, model);
        var weights = new float[pairs.Count];
        Parallel.For(0, (pairs.Count + 65_535) / 65_536, k =>
        {
            var end = Math.Min(pairs.Count, (k + 1) * 65_536);
            for (var p = k * 65_536; p < end; p++)
            {
                weights[p] = (float)scorer.Weight(gammas[p], pairs.Left[p]);
            }
        });
        Done("scoring");

        progress?.Report(new LinkageProgress("clustering", 0.0));
        var threshold = options.Threshold ?? _settings.Clustering.Threshold;
        var ages = SourceAgeWindows.Build(_settings.Clustering.SourceAges, records, prepared);
        var clustering = new ConstrainedClusterer(prepared, scorer, _settings.Clustering, ages)
            .Cluster(pairs.Left, pairs.Right, gammas, weights, pairs.Count, threshold, options.CannotLink);
        Done("clustering");

        return new LinkageResult(records, prepared, pairs, weights, scorer, clustering, threshold, steps, _settings.Clustering.RejectBelow);
    }

    private static TimeSpan CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed class Progress(IProgress<LinkageProgress> inner, string step) : IProgress<double>
    {
        public void Report(double value) => inner.Report(new LinkageProgress(step, value));
    }
}
