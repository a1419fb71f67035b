using GmConnect.Governance.Decisions;
using GmConnect.Governance.Filtering;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// One page of the pointers a practitioner may see, the total they may see, and how many were withheld per reason
/// category: never what the withheld ones were, and nothing at all about those whose existence is the secret.
/// </summary>
/// <param name="Items">The page (check each item's <see cref="Decision.RedactedFields"/>).</param>
/// <param name="Total">How many pointers the practitioner may see in all.</param>
/// <param name="Withheld">Withheld pointers per reason category.</param>
/// <param name="WithheldGroups">The same per reason category and custodian, with what break-glass could open.</param>
public sealed record PointerSearchResult(
    IReadOnlyList<PermittedItem<RecordPointer>> Items,
    int Total,
    IReadOnlyDictionary<ReasonCategory, int> Withheld,
    IReadOnlyList<WithheldGroup>? WithheldGroups = null)
{
    /// <summary>All withheld pointers the caller may be told about.</summary>
    public int WithheldCount => Withheld.Values.Sum();
}
