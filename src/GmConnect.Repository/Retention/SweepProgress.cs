namespace GmConnect.Repository.Retention;

/// <summary>Where a sweep is: items looked at out of those expired when it started, and what became of them.</summary>
/// <param name="Examined">Expired items looked at so far.</param>
/// <param name="Expected">Expired items counted when the sweep started.</param>
/// <param name="Deleted">Deleted (or, in a dry run, that would be).</param>
/// <param name="Held">Kept because of a legal hold.</param>
public sealed record SweepProgress(int Examined, long Expected, int Deleted, int Held);
