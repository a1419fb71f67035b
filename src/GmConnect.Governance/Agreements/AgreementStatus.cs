namespace GmConnect.Governance.Agreements;

/// <summary>The life cycle of a sharing agreement. Only a signed agreement within its dates is in force.</summary>
public enum AgreementStatus
{
    /// <summary>Being written; not in force.</summary>
    Draft,

    /// <summary>Signed by every party; in force between its start and end dates.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "'Signed' is the agreement status, not a type name.")]
    Signed,

    /// <summary>Suspended (e.g. during a breach investigation); not in force.</summary>
    Suspended,

    /// <summary>Ended by decision or by date; not in force.</summary>
    Expired,
}
