using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Derived;

/// <summary>
/// One episode of care after the multi-year merge. <see cref="Repair"/> names the documented rule that changed it
/// (LIIA-style RULE_1…RULE_5) or is null when it is as submitted.
/// </summary>
public sealed record Episode(
    DateOnly Start,
    DateOnly? End,
    string? Rne,
    string? LegalStatus,
    string? Cin,
    string? Place,
    string? Provider,
    string? Rec,
    string? ReasonPlaceChange,
    string? HomePostcode,
    string? PlacementPostcode,
    string? Urn,
    CollectionYear SourceYear,
    string? Repair = null)
{
    /// <summary>Whether the placement is temporary (T0–T4), which does not count as a move.</summary>
    public bool IsTemporary => Place is not null && CodeLists.Temporary.Contains(Place);

    /// <summary>Whether the legal status is an agreed series of short breaks (V3/V4).</summary>
    public bool IsRespite => LegalStatus is not null && CodeLists.Respite.Contains(LegalStatus);

    /// <summary>Whether the episode covers the day (start inclusive, end exclusive: the DfE convention that an episode ending on 31 March is not open at 31 March is not used; DEC is the first day not in the episode).</summary>
    public bool Covers(DateOnly day) => Start <= day && (End is null || End > day);
}
