namespace GmConnect.Integration.IdentityFeed;

/// <summary>What one catch-up of the identity feed did: counts only.</summary>
/// <param name="Changes">Change-feed entries read.</param>
/// <param name="Submitted">Records submitted to the Identity Manager (a record changed twice is submitted once, as it now is).</param>
/// <param name="Unchanged">Of those, records the Identity Manager already held as they are (a replay after a crash).</param>
/// <param name="Cursor">The change-feed position reached.</param>
public sealed record FeedProgress(int Changes, int Submitted, int Unchanged, long Cursor);
