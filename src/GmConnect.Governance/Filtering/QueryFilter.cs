using GmConnect.Governance.Decisions;
using GmConnect.Governance.Sensitivity;

namespace GmConnect.Governance.Filtering;

/// <summary>Applies decisions to a query's candidates before counting and paging.</summary>
internal static class QueryFilter
{
    /// <summary>The decision for a candidate found by an address search on a protected-address person.</summary>
    internal static readonly Decision AddressSearchExcluded = Decision.Deny(new DecisionReason(ReasonCode.ProtectedAddressSearch));

    public static (FilterResult<T> Result, DecidedCandidate[] Decided) Apply<T>(
        IReadOnlyList<Candidate<T>> candidates,
        QueryKind kind,
        PageRequest page,
        Func<GovernedResource, SubjectPolicy> subjectOf,
        Func<GovernedResource, SubjectPolicy, Decision> decide)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit);

        var decided = new DecidedCandidate[candidates.Count];
        var permitted = new List<PermittedItem<T>>();
        var withheld = new Dictionary<ReasonCategory, int>();
        var groups = new Dictionary<(ReasonCategory Category, string Custodian), (int Count, int Overridable)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var subject = subjectOf(candidate.Resource);
            Decision decision;
            if (kind == QueryKind.Address
                && ((candidate.Resource.Sensitivity | subject.Sensitivity) & SensitivityLabels.ProtectedAddress) != 0)
            {
                // As PDS does: an address-based search never returns a protected-address person, even on a match.
                decision = AddressSearchExcluded;
            }
            else
            {
                decision = decide(candidate.Resource, subject);
            }

            var silent = decision.ConcealExistence;
            decided[i] = new DecidedCandidate(candidate.Resource, decision, silent);
            if (decision.IsAllowed)
            {
                permitted.Add(new PermittedItem<T>(candidate.Item, decision));
            }
            else if (!silent)
            {
                var category = decision.PrimaryReason.Category;
                withheld[category] = withheld.GetValueOrDefault(category) + 1;
                var key = (category, candidate.Resource.CustodianId);
                var (count, overridable) = groups.GetValueOrDefault(key);
                // Break-glass overrides a denial only when every reason for it is one it may override (ADR 0005).
                var mayOverride = decision.Reasons.All(r => r.Reason.BreakGlassOverrides());
                groups[key] = (count + 1, overridable + (mayOverride ? 1 : 0));
            }
        }

        var pageItems = permitted.Skip(page.Offset).Take(page.Limit).ToArray();
        var grouped = groups
            .OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key.Category).ThenBy(g => g.Key.Custodian, StringComparer.Ordinal)
            .Select(g => new WithheldGroup(g.Key.Category, g.Key.Custodian, g.Value.Count, g.Value.Overridable))
            .ToArray();
        return (new FilterResult<T>(pageItems, permitted.Count, withheld, grouped), decided);
    }
}
