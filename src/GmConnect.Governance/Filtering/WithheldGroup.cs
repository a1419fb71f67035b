using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Filtering;

/// <summary>
/// Withheld items of one reason category held by one organisation: what a page may say ("2 records withheld: no
/// sharing agreement with Greater Manchester Police for this purpose"). Never which items, never what they were;
/// items whose existence is the secret are in no group.
/// </summary>
/// <param name="Category">Why, coarsely.</param>
/// <param name="CustodianId">The organisation that holds them.</param>
/// <param name="Count">How many.</param>
/// <param name="BreakGlassMayOverride">
/// How many of them were denied only for reasons an active break-glass session overrides (no current involvement,
/// objection, restricted): what breaking the glass could open.
/// </param>
public sealed record WithheldGroup(ReasonCategory Category, string CustodianId, int Count, int BreakGlassMayOverride);
