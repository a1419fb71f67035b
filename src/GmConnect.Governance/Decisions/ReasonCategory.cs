namespace GmConnect.Governance.Decisions;

/// <summary>
/// Coarse groups of reasons. Callers of a filtered query learn how many items were withheld per category,
/// never which items or why in detail.
/// </summary>
public enum ReasonCategory
{
    /// <summary>The requester is not who, where or what they claim (unknown practitioner, role not held).</summary>
    Requester,

    /// <summary>No sharing agreement in force covers this organisation pair, category and purpose.</summary>
    Agreement,

    /// <summary>No legitimate relationship: the organisation has no current involvement with the person.</summary>
    Relationship,

    /// <summary>The person objected, did not consent where consent is the basis, or opted out of secondary use.</summary>
    Objection,

    /// <summary>The record or person is restricted or sealed.</summary>
    Sensitivity,

    /// <summary>A reason that supports a permit or a redaction (own record, agreement used, break-glass…).</summary>
    Basis,
}
