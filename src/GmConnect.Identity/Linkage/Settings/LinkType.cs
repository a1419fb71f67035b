namespace GmConnect.Identity.Linkage.Settings;

/// <summary>Which pairs of records are candidates: within one input, across inputs, or both.</summary>
public enum LinkType
{
    /// <summary>Find duplicates inside the records, whatever their source (JSON <c>dedupe_only</c>).</summary>
    DedupeOnly,

    /// <summary>Only pairs whose records come from different sources (JSON <c>link_only</c>).</summary>
    LinkOnly,

    /// <summary>All pairs, within and across sources (JSON <c>link_and_dedupe</c>).</summary>
    LinkAndDedupe,
}
