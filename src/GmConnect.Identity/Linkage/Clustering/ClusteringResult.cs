namespace GmConnect.Identity.Linkage.Clustering;

/// <summary>Clusters and what the clustering refused, by reason.</summary>
public sealed class ClusteringResult
{
    internal ClusteringResult(int[] clusterOf, int clusterCount, int links, int merges, int refusedVeto, int refusedIdentifier, int refusedSource, int refusedCannotLink, int refusedWeakLink)
    {
        ClusterOf = clusterOf;
        ClusterCount = clusterCount;
        Links = links;
        Merges = merges;
        RefusedVeto = refusedVeto;
        RefusedConflictingIdentifier = refusedIdentifier;
        RefusedSameSource = refusedSource;
        RefusedCannotLink = refusedCannotLink;
        RefusedNonMatchInside = refusedWeakLink;
    }

    /// <summary>Cluster number of each record (0-based, numbered by first record).</summary>
    public IReadOnlyList<int> ClusterOf { get; }

    /// <summary>Number of clusters, singletons included.</summary>
    public int ClusterCount { get; }

    /// <summary>Pairs at or above the threshold.</summary>
    public int Links { get; }

    /// <summary>Links that merged two clusters.</summary>
    public int Merges { get; }

    /// <summary>Links refused because the pair falls in a veto level (they need a person).</summary>
    public int RefusedVeto { get; }

    /// <summary>Merges refused because the clusters hold different valid identifiers of one kind.</summary>
    public int RefusedConflictingIdentifier { get; }

    /// <summary>Merges refused because both clusters hold a record from one duplicate-free source.</summary>
    public int RefusedSameSource { get; }

    /// <summary>Merges refused by an explicit cannot-link.</summary>
    public int RefusedCannotLink { get; }

    /// <summary>Merges refused because some pair across the clusters is a confident non-match.</summary>
    public int RefusedNonMatchInside { get; }

    /// <summary>Links withheld because the record they start from also links to someone it cannot be with (see <c>ambiguity_margin</c>).</summary>
    public int RefusedAmbiguous { get; init; }

    /// <summary>What clustering did with each candidate pair (by pair index): not a link, merged, or refused and why.</summary>
    internal LinkOutcome[] Outcomes { get; init; } = [];
}

/// <summary>What clustering did with one candidate pair.</summary>
internal enum LinkOutcome : byte
{
    /// <summary>Scored below the threshold: not a link.</summary>
    NotALink,

    /// <summary>The link merged two clusters.</summary>
    Merged,

    /// <summary>The two records were already in one cluster when the link came.</summary>
    AlreadyTogether,

    /// <summary>The pair falls in a veto level.</summary>
    Veto,

    /// <summary>Withheld: one record links about equally to two records that cannot be one person.</summary>
    Ambiguous,

    /// <summary>The clusters hold different valid identifiers of one kind.</summary>
    ConflictingIdentifier,

    /// <summary>Both clusters hold a record from one duplicate-free source.</summary>
    SameSource,

    /// <summary>An explicit cannot-link pair.</summary>
    CannotLink,

    /// <summary>Some pair across the clusters is a confident non-match.</summary>
    NonMatchInside,
}
