namespace GmConnect.Server.Hosting;

/// <summary>The background feed of imported records into the Identity Manager (section <c>IdentityFeed</c>).</summary>
internal sealed class IdentityFeedOptions
{
    public const string Section = "IdentityFeed";

    /// <summary>Run the feed (default true). Off, imported records reach the index only when it is turned on again (the cursor remembers).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the change feed is polled once drained (default 2 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
