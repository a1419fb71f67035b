namespace GmConnect.Identity.Manager;

/// <summary>Who changes the index by hand, and why. Both are required and recorded in the history.</summary>
/// <param name="StewardId">The data steward's practitioner id.</param>
/// <param name="Reason">The reason, in words.</param>
public sealed record StewardAction(string StewardId, string Reason)
{
    /// <summary>Guards: both must be non-blank.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(StewardId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Reason);
    }
}
