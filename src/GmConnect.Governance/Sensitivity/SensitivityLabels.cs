namespace GmConnect.Governance.Sensitivity;

/// <summary>
/// Sensitivity labels on a record or on a person. A person's labels apply to every record about them.
/// </summary>
[Flags]
public enum SensitivityLabels
{
    /// <summary>Ordinary record.</summary>
    None = 0,

    /// <summary>
    /// Restricted (e.g. sexual health, domestic abuse): shared only under an agreement that explicitly includes
    /// restricted records, never for secondary use.
    /// </summary>
    Restricted = 1,

    /// <summary>Sealed (pre-adoption identity): visible to nobody outside the custodian's adoption service.</summary>
    Sealed = 2,

    /// <summary>
    /// Protected address: address and contact fields removed everywhere, and an address-based search never
    /// returns the person (as PDS does for restricted patients).
    /// </summary>
    ProtectedAddress = 4,
}
