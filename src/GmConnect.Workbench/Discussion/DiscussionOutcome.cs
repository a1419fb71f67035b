namespace GmConnect.Workbench.Discussion;

/// <summary>How a discussion request ended, for the pages to answer with the right status.</summary>
public enum DiscussionOutcome
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such report, block, thread or comment — or one the user may not see (the two look the same: 404).</summary>
    NotFound,

    /// <summary>The user may see it but not do this (edit someone else's comment: 403).</summary>
    Forbidden,

    /// <summary>The text was empty or too long; <see cref="DiscussionResult{T}.Error"/> says which.</summary>
    Invalid,
}
