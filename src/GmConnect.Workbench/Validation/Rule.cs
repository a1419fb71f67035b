using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// One DfE rule: its code, the collection years it belongs to, what it needs beyond the return, and a check that yields
/// the failing rows. A check may name rows in several tables (a cross-table rule reports the row on each side).
/// </summary>
internal sealed class Rule(string code, Func<ValidationContext, IEnumerable<(ReturnTable Table, int Row)>> check, int fromYear = 0, int toYear = 9999, RuleNeeds needs = RuleNeeds.None)
{
    public string Code { get; } = code;

    /// <summary>First collection start year the rule applies to (inclusive).</summary>
    public int FromYear { get; } = fromYear;

    /// <summary>Last collection start year the rule applies to (inclusive).</summary>
    public int ToYear { get; } = toYear;

    /// <summary>The lookups the rule needs (none for most).</summary>
    public RuleNeeds Needs { get; } = needs;

    public bool AppliesTo(CollectionYear year) => year.StartYear >= FromYear && year.StartYear <= ToYear;

    public IEnumerable<(ReturnTable Table, int Row)> Check(ValidationContext context) => check(context);
}
