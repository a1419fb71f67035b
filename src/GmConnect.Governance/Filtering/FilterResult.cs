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
    internal FilterResult(IReadOnlyList<PermittedItem<T>> items, int total, IReadOnlyDictionary<ReasonCategory, int> withheld)
    {
        Items = items;
        Total = total;
        Withheld = withheld;
    }

    /// <summary>The requested page of permitted (possibly redacted) items.</summary>
    public IReadOnlyList<PermittedItem<T>> Items { get; }

    /// <summary>How many items the practitioner may see in total: the only total a caller may show.</summary>
    public int Total { get; }

    /// <summary>Withheld items counted per reason category.</summary>
    public IReadOnlyDictionary<ReasonCategory, int> Withheld { get; }

    /// <summary>The number of withheld items the caller may report.</summary>
    public int WithheldCount => Withheld.Values.Sum();
}
