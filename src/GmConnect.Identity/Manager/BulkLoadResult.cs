namespace GmConnect.Identity.Manager;

/// <summary>What a bulk load did: counts only (no personal data), fit to print.</summary>
/// <param name="Mode"><c>batch</c> (the first load of an empty index: the batch engine clustered the file), or <c>record-by-record</c>.</param>
/// <param name="Records">Records in the input (after dropping repeated keys: the last one wins).</param>
/// <param name="New">Records the index did not hold.</param>
/// <param name="Changed">Records whose content changed.</param>
/// <param name="Unchanged">Records received again with the same content.</param>
/// <param name="Linked">Records linked to an existing person (automatically or by the batch engine).</param>
/// <param name="ReviewsOpened">Review tasks opened.</param>
/// <param name="PersonsCreated">Persons founded.</param>
/// <param name="Rebatched">Records moved by a re-run of the batch model (0 without <c>rebatch</c>).</param>
/// <param name="PersonIdsKept">With a re-run: clusters that kept an existing person id because they overlap it most.</param>
/// <param name="ModelVersion">The model in use afterwards.</param>
public sealed record BulkLoadResult(
    string Mode,
    int Records,
    int New,
    int Changed,
    int Unchanged,
    int Linked,
    int ReviewsOpened,
    int PersonsCreated,
    int Rebatched,
    int PersonIdsKept,
    string ModelVersion);

/// <summary>Progress of a bulk load: a step and how far it is.</summary>
public readonly record struct BulkLoadProgress(string Step, long Done, long Total);
