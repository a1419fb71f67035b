namespace GmConnect.Repository.Retrieval;

/// <summary>What a governed read of content came to.</summary>
public enum RetrievalOutcome
{
    /// <summary>Governance permitted it; the content passed its integrity check and is served.</summary>
    Permitted,

    /// <summary>Governance denied it; nothing of the content is served (see the decision's reasons).</summary>
    Denied,

    /// <summary>No such content or version — or a denial that must conceal that the content exists.</summary>
    NotFound,

    /// <summary>The stored bytes no longer match their SHA-256: never served.</summary>
    IntegrityFailure,
}
