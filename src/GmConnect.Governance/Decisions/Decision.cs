namespace GmConnect.Governance.Decisions;

/// <summary>The answer to one access question, with its reasons.</summary>
public sealed class Decision
{
    internal Decision(
        DecisionOutcome outcome,
        IReadOnlyList<DecisionReason> reasons,
        IReadOnlyList<string> redactedFields,
        string? agreementId,
        string? breakGlassSessionId)
    {
        Outcome = outcome;
        Reasons = reasons;
        RedactedFields = redactedFields;
        AgreementId = agreementId;
        BreakGlassSessionId = breakGlassSessionId;
    }

    /// <summary>Permit, deny or redact.</summary>
    public DecisionOutcome Outcome { get; }

    /// <summary>Every reason that led to the outcome, the deciding one first.</summary>
    public IReadOnlyList<DecisionReason> Reasons { get; }

    /// <summary>For <see cref="DecisionOutcome.Redact"/>: the fields the caller must remove.</summary>
    public IReadOnlyList<string> RedactedFields { get; }

    /// <summary>The sharing agreement that permitted the access, if one did.</summary>
    public string? AgreementId { get; }

    /// <summary>The break-glass session that overrode a denial, if one did.</summary>
    public string? BreakGlassSessionId { get; }

    /// <summary>True for permit and redact.</summary>
    public bool IsAllowed => Outcome != DecisionOutcome.Deny;

    /// <summary>The deciding reason (the first).</summary>
    public DecisionReason PrimaryReason => Reasons[0];

    /// <summary>
    /// True when a denied caller must not learn that the item exists: answer "not found", do not count it.
    /// </summary>
    public bool ConcealExistence => Outcome == DecisionOutcome.Deny && Reasons[0].Reason.ConcealsExistence();

    internal static Decision Deny(DecisionReason reason) => new(DecisionOutcome.Deny, [reason], [], null, null);

    internal static Decision Deny(IReadOnlyList<DecisionReason> reasons) => new(DecisionOutcome.Deny, reasons, [], null, null);

    /// <inheritdoc />
    public override string ToString() => $"{Outcome}: {string.Join(", ", Reasons)}";
}
