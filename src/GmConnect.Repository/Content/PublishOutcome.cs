namespace GmConnect.Repository.Content;

/// <summary>What a publish did.</summary>
public enum PublishOutcome
{
    /// <summary>A new version was stored (version 1 for new content).</summary>
    Created,

    /// <summary>The bytes and content type equal the latest version's: nothing was stored.</summary>
    Unchanged,

    /// <summary>The caller is not the content's custodian.</summary>
    NotCustodian,

    /// <summary>The request contradicts the stored content (another record type or person) or is malformed.</summary>
    Invalid,
}
