namespace GmConnect.Governance.Audit;

/// <summary>The outcome of verifying the audit chain: intact, or where and how it first breaks.</summary>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="Problem">The first problem found, or <see cref="AuditProblem.None"/>.</param>
/// <param name="Sequence">The sequence number where the chain first breaks.</param>
/// <param name="LastHash">The hash of the last entry read (a checkpoint to keep elsewhere).</param>
public sealed record AuditVerification(long EntriesChecked, AuditProblem Problem, long? Sequence, string LastHash)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsIntact => Problem == AuditProblem.None;

    /// <summary>A one-line description for people.</summary>
    public string Describe() => Problem switch
    {
        AuditProblem.None => $"intact: {EntriesChecked} entries, last hash {LastHash}",
        AuditProblem.Changed => $"entry {Sequence} was changed (its content no longer matches its hash)",
        AuditProblem.BrokenLink => $"chain broken at entry {Sequence} (an entry before it was changed, deleted or reordered)",
        AuditProblem.Missing => $"entry {Sequence} is missing (deleted)",
        AuditProblem.OutOfOrder => $"entry {Sequence} is out of order (reordered or duplicated)",
        AuditProblem.Truncated => $"the trail ends before entry {Sequence} (entries removed from the end)",
        _ => Problem.ToString(),
    };
}
