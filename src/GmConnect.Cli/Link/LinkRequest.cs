namespace GmConnect.Cli.Link;

/// <summary>The parsed options of <c>gmc link</c>.</summary>
internal sealed record LinkRequest(
    FileInfo Settings,
    FileInfo[] Inputs,
    FileInfo? Output,
    FileInfo? Pairs,
    double PairsMinProbability,
    double? Threshold,
    string[]? Explain,
    bool Json,
    FileInfo? Model,
    FileInfo? ModelOut,
    FileInfo? Truth,
    string? TruthPattern,
    bool TrainFromTruth,
    FileInfo? CannotLink,
    bool Quiet,
    FileInfo? TruthMisses = null);
