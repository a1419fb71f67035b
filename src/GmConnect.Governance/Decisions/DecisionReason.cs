namespace GmConnect.Governance.Decisions;

/// <summary>One machine-readable reason, with an optional non-personal detail (an agreement id, a session id).</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Detail">A key that explains it further; never personal data.</param>
public readonly record struct DecisionReason(ReasonCode Reason, string? Detail = null)
{
    /// <summary>The wire code of <see cref="Reason"/>.</summary>
    public string Code => Reason.ToCode();

    /// <summary>The category of <see cref="Reason"/>.</summary>
    public ReasonCategory Category => Reason.Category();

    /// <inheritdoc />
    public override string ToString() => Detail is null ? Code : $"{Code}({Detail})";
}
