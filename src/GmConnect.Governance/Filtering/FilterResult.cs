using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Filtering;

/// <summary>
/// What a filtered query returns to the caller: one page of permitted items, the total of permitted items (for
/// paging), and how many were withheld per reason category. Nothing about a withheld item's content, and nothing
/// at all about items whose very existence is protected.
/// </summary>
/// <typeparam name="T">The caller's item type.</typeparam>
public sealed class FilterResult<T>
{
    internal FilterResult(IReadOnlyList<PermittedItem<T>> items, int total, IReadOnlyDictionary<ReasonCategory, int> withheld, IReadOnlyList<WithheldGroup>? groups = null)
    {
        Items = items;
        Total = total;
        Withheld = withheld;
        WithheldGroups = groups ?? [];
    }

    /// <summary>The requested page of permitted (possibly redacted) items.</summary>
    public IReadOnlyList<PermittedItem<T>> Items { get; }

    /// <summary>How many items the practitioner may see in total: the only total a caller may show.</summary>
    public int Total { get; }

    /// <summary>Withheld items counted per reason category.</summary>
    public IReadOnlyDictionary<ReasonCategory, int> Withheld { get; }

    /// <summary>
    /// The same withheld items grouped by reason category and custodian (most first), with how many of each group
    /// break-glass could open. Sums to <see cref="WithheldCount"/>.
    /// </summary>
    public IReadOnlyList<WithheldGroup> WithheldGroups { get; }

    /// <summary>How many withheld items an active break-glass session of the requester would open.</summary>
    public int BreakGlassMayOverride => WithheldGroups.Sum(g => g.BreakGlassMayOverride);

    /// <summary>The number of withheld items the caller may report.</summary>
    public int WithheldCount => Withheld.Values.Sum();
}
