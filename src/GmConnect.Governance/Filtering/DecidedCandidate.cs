using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Filtering;

/// <summary>A candidate with its decision, and whether the caller may count it when withheld.</summary>
internal readonly record struct DecidedCandidate(GovernedResource Resource, Decision Decision, bool Silent);
