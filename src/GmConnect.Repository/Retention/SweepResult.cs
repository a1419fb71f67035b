namespace GmConnect.Repository.Retention;

/// <summary>What a retention sweep did. Keys and counts only.</summary>
/// <param name="Today">The London calendar day the sweep judged expiry on.</param>
/// <param name="DryRun">True when nothing was deleted.</param>
/// <param name="Expired">Items past their retention date.</param>
/// <param name="Deleted">Items deleted (in a dry run: that would be deleted).</param>
/// <param name="Held">Expired items kept because of a legal hold.</param>
/// <param name="DeletedIds">The content ids deleted (or that would be).</param>
public sealed record SweepResult(DateOnly Today, bool DryRun, int Expired, int Deleted, int Held, IReadOnlyList<string> DeletedIds);
