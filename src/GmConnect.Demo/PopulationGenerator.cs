using System.Text.Json;
using GmConnect.Demo.Output;
using GmConnect.Demo.Records;

namespace GmConnect.Demo;

/// <summary>
/// Generates a synthetic Greater Manchester population and the records that agencies hold about
/// it, streamed to disk: one person-records CSV per source kind (<c>records-&lt;kind&gt;.csv</c>),
/// <c>truth.csv</c> (<c>source,record_id,person_id</c>) and <c>summary.json</c>.
/// </summary>
public static class PopulationGenerator
{
    /// <summary>The summary file's name in the output directory.</summary>
    public const string SummaryFile = "summary.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Generates the population into <paramref name="outputDirectory"/> (created if missing;
    /// existing files of the same names are replaced). The same options give byte-identical files.
    /// </summary>
    /// <param name="options">How many people, which seed, which error rates.</param>
    /// <param name="outputDirectory">Where to write the files.</param>
    /// <param name="progress">Told about progress now and then, and once at the end. Counts only.</param>
    /// <param name="cancellationToken">Stops the run; the record and truth files are then not written.</param>
    /// <returns>What was generated, as also written to <c>summary.json</c>.</returns>
    public static PopulationSummary Generate(
        PopulationOptions options,
        string outputDirectory,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();

        PopulationSummary summary;
        using (var sink = new CsvRecordSink(outputDirectory))
        {
            summary = GenerationRun.Run(options, sink, CsvRecordSink.FileNames, progress, cancellationToken);
            sink.Complete();
        }

        summary = summary with { Files = [.. summary.Files, SummaryFile] };
        var json = JsonSerializer.Serialize(summary, JsonOptions).ReplaceLineEndings("\n") + "\n";
        File.WriteAllText(Path.Combine(outputDirectory, SummaryFile), json, new System.Text.UTF8Encoding(false));
        return summary;
    }
}
