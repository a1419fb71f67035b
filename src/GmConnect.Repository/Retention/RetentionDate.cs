namespace GmConnect.Repository.Retention;

/// <summary>
/// What a retention class says about one item: kept through <see cref="RetainUntil"/> (inclusive, a London
/// calendar day) and deletable from the day after, or — for review-only classes — never deleted by the sweep, with
/// a date by which a person must review it.
/// </summary>
/// <param name="RetainUntil">The last day the content must be kept; null when only a reviewer may delete it.</param>
/// <param name="ReviewBy">For review-only classes, when the review falls due.</param>
public sealed record RetentionDate(DateOnly? RetainUntil, DateOnly? ReviewBy = null)
{
    /// <summary>True when the content may be deleted on <paramref name="today"/> (a London calendar day).</summary>
    public bool IsExpiredOn(DateOnly today) => RetainUntil is { } until && today > until;
}
