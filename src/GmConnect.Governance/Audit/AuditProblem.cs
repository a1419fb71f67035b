namespace GmConnect.Governance.Audit;

/// <summary>The kind of break a verification found.</summary>
public enum AuditProblem
{
    /// <summary>Nothing wrong.</summary>
    None,

    /// <summary>An entry's content no longer matches its hash: it was changed.</summary>
    Changed,

    /// <summary>An entry's previous-hash does not match the entry before it: something was deleted, inserted or reordered.</summary>
    BrokenLink,

    /// <summary>A gap in the sequence: entries were deleted.</summary>
    Missing,

    /// <summary>A sequence number went backwards or repeated: entries were reordered or duplicated.</summary>
    OutOfOrder,

    /// <summary>The trail ends before a known checkpoint: entries were removed from the end.</summary>
    Truncated,
}
