namespace GmConnect.Identity.Linkage.Settings;

/// <summary>
/// A linkage model's definition, read from JSON with <see cref="Parse"/> or <see cref="Load"/>:
/// input columns, comparisons, blocking rules, training and clustering.
/// </summary>
public sealed record LinkageSettings
{
    /// <summary>Which pairs are candidates.</summary>
    public LinkType LinkType { get; init; } = LinkType.DedupeOnly;

    /// <summary>Column holding each record's key in its source.</summary>
    public required string IdColumn { get; init; }

    /// <summary>Column naming the source system; null means each input file is one source.</summary>
    public string? SourceColumn { get; init; }

    /// <summary>The comparisons, in explanation order.</summary>
    public required IReadOnlyList<ComparisonSettings> Comparisons { get; init; }

    /// <summary>Blocking rules: a pair is a candidate when all keys of at least one rule agree.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> BlockingRules { get; init; }

    /// <summary>
    /// The largest block a blocking rule may form; a key value shared by more records than this (a switchboard
    /// phone number, a placeholder identifier, the commonest full names when a rule has no date part) yields no
    /// candidate pairs, and the blocks skipped are reported. Null (the default) means no limit. Blocks grow with
    /// the population, so without a limit one such value turns the cost quadratic.
    /// </summary>
    public int? MaxBlockSize { get; init; }

    /// <summary>
    /// Origins of the shipped name-variant table (configs/linkage/names) whose pairs the <c>name_variant</c> levels do not
    /// use, e.g. <c>gm-curated</c>: the list the demo population draws its spellings from, left out to measure recall
    /// without it. Empty (the default): the whole table.
    /// </summary>
    public IReadOnlyList<string> NameVariantOriginsExcluded { get; init; } = [];

    /// <summary>Training options.</summary>
    public TrainingSettings Training { get; init; } = new();

    /// <summary>Clustering options.</summary>
    public ClusteringSettings Clustering { get; init; } = new();

    /// <summary>Reads settings from JSON; throws <see cref="SettingsException"/> listing every error with its JSON path.</summary>
    public static LinkageSettings Parse(string json) => SettingsReader.Read(json);

    /// <summary>Reads settings from a file.</summary>
    public static LinkageSettings Load(string path) => Parse(File.ReadAllText(path));
}
