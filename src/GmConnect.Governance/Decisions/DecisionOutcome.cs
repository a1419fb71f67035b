namespace GmConnect.Governance.Decisions;

/// <summary>The result of a decision.</summary>
public enum DecisionOutcome
{
    /// <summary>The practitioner may see the resource as it is.</summary>
    Permit,

    /// <summary>The practitioner may not see the resource.</summary>
    Deny,

    /// <summary>The practitioner may see the resource with the fields in <see cref="Decision.RedactedFields"/> removed.</summary>
    Redact,
}
