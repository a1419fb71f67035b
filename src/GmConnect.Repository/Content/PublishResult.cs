namespace GmConnect.Repository.Content;

/// <summary>The answer to a publish: a new version, the same version again, or a refusal with its reason.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Version">The version now latest (null when refused).</param>
/// <param name="Problem">Why it was refused (null otherwise), without personal data.</param>
public sealed record PublishResult(PublishOutcome Outcome, ContentVersion? Version, string? Problem = null)
{
    /// <summary>True when the content is stored (new or unchanged).</summary>
    public bool IsStored => Outcome is PublishOutcome.Created or PublishOutcome.Unchanged;
}
